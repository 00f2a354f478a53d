import dotenv from 'dotenv';

/** Where a command writes: stdout and stderr, or a test's buffers. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/** A command's entry point: its arguments and environment in, its exit code out. */
export type CommandMain = (
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  output: CliOutput,
) => Promise<number>;

/**
 * Runs a command as `npm run <name>` does: `.env` read (real variables win), the process's output,
 * its exit code; a fault nobody expected still ends in one line and exit code 1.
 */
export function runCommandLine(main: CommandMain): void {
  dotenv.config({ quiet: true });
  main(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${oneLine(`Error: ${(error as Error).message}`)}\n`);
      process.exitCode = 1;
    },
  );
}

export function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 400 ? `${line.slice(0, 397)}...` : line;
}

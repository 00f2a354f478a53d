import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './botProcess';

export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a compiled command line (`dist/bot/cli/<name>.js`) as `npm run` does, in `cwd` (where it looks
 * for a .env file), with only the given variables: none of the developer's own leak in.
 */
export async function runCompiledCommand(
  name: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  cwd: string,
): Promise<CommandRun> {
  const script = path.join(projectRoot, 'dist', 'bot', 'cli', `${name}.js`);
  if (!existsSync(script))
    throw new Error(`${script} is missing: run "npm run build" first (npm test does).`);
  const child = spawn(process.execPath, [script, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  clearTimeout(timer);
  return { code, stdout, stderr };
}

import { readFile, writeFile } from 'node:fs/promises';

/** Writes or replaces this run's section of the report; other sections stay as they are. */
export async function writeReport(
  file: string,
  section: string,
  body: string,
  preamble: string,
  format: (text: string, file: string) => Promise<string> = formatMarkdown,
): Promise<void> {
  let existing = '';
  try {
    existing = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const sections: { name: string; text: string }[] = [];
  for (const chunk of existing.split(/^(?=## )/m).slice(1)) {
    sections.push({ name: /^## (.*)$/m.exec(chunk)![1]!.trim(), text: chunk.trimEnd() });
  }
  const index = sections.findIndex((entry) => entry.name === section);
  const entry = { name: section, text: body.trimEnd() };
  if (index >= 0) sections[index] = entry;
  else sections.push(entry);
  const text = [preamble.trimEnd(), ...sections.map((entry) => entry.text)].join('\n\n') + '\n';
  await writeFile(file, await format(text, file));
}

/** The project's Prettier style (aligned tables), so `prettier --check .` passes on the report. */
export async function formatMarkdown(text: string, file: string): Promise<string> {
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...config, filepath: file });
}

/** The top of docs/benchmarks.md, above the runs' sections. */
export const reportPreamble = `# Benchmarks

\`npm run bench\` measures the onboarding bot under load against an echo bot on the same restify,
CloudAdapter and Bot Framework SDK (the floor), counts Cosmos DB requests per turn and per onboarding
and Partner Center calls per onboarding (the creation after submit included), and measures start-up
time and memory. Options: \`npm run bench -- --help\` and the README's
Benchmark section. The code is in [test/bench/](../test/bench/).

Each run writes or replaces one section below (\`--section NAME\`, default "Latest run"); a section's
chart is \`docs/benchmarks-latency.svg\` for "Baseline", else \`docs/benchmarks-latency-<name>.svg\`.
Figures depend on the machine and on what else runs on it: compare sections measured on the same
machine, and look at the parallel capacity and the rest-of-machine CPU of each run.

Targets: per-turn p50 at most 1.5× the echo bot's; at 50 agents at least 60 % of the echo bot's turns
per second; at most 4 Cosmos DB requests per turn (state read once, written only when it changed);
first answer within 2 s of start.`;

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

\`npm run bench\` measures the onboarding bot under load against two others on the same restify,
CloudAdapter and Bot Framework SDK: an echo bot (the floor: no state) and the SDK's own stateful
pattern as the Bot Framework samples write it (a waterfall of text prompts, conversation and user
state on botbuilder-azure's CosmosDbPartitionedStorage). The store (the embedded Cosmos DB, with the
local Partner Center) runs in a process of its own, as Azure Cosmos DB is remote, so the bot process's
CPU is the bot's alone; the store's is reported beside it. It measures CPU per turn of each bot
process, latency and turns per second against the number of agents, CPU and Cosmos DB requests turn
by turn (the creation worker's work after the submit apart), Partner Center calls per onboarding,
start-up time and memory. Options: \`npm run bench -- --help\` and the README's Benchmark section. The
code is in [test/bench/](../test/bench/).

Each run writes or replaces one section below (\`--section NAME\`, default "Latest run"); a section's
chart is \`docs/benchmarks-latency.svg\` for "Baseline", else \`docs/benchmarks-latency-<name>.svg\`.
Figures depend on the machine and on what else runs on it: compare sections measured on the same
machine, and look at the parallel capacity and the rest-of-machine CPU of each run. Sections measured
before the store moved out of the bot process bill the store's CPU to the bot.

Targets, as ratios within one run: CPU per turn of the bot process at most 4× the echo bot's and below
the SDK-pattern peer's; per-turn p50 at 1 agent at most 4× the echo bot's; at most 12 Cosmos DB
requests per onboarding (the chat's five turns; the creation worker's requests reported beside them);
first answer within 1 s of start; memory with 1,000 drafts in flight reported.`;

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locale } from '../../messages/catalogue';

/** A text to check and what it is (a catalogue key, a manifest field), to name where a word came from. */
export interface SpelledLine {
  readonly key: string;
  readonly text: string;
}

export interface UnknownWord {
  readonly key: string;
  readonly word: string;
}

const root = path.resolve(__dirname, '../..');
const cspellBin = path.join(root, 'node_modules', 'cspell', 'bin.mjs');

/** The language's cspell configuration: its dictionary and the reviewed product words (messages/spelling/). */
export const cspellConfig = (locale: Locale): string =>
  path.join(root, 'messages', 'spelling', `cspell.${locale}.json`);

/**
 * The words of a sentence, one space apart: placeholders, markdown, digits and punctuation gone
 * (an apostrophe inside a word stays: "customer's").
 */
export function wordsOf(text: string): string {
  const words = text.replace(/\{\w+\}/g, ' ').match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? [];
  return words.map((word) => word.replace('’', "'")).join(' ');
}

/**
 * Runs cspell once over `lines` with the language's configuration (no default one), plus `extraWords`
 * a caller knows to be right, and answers each word it does not know, with the key of its line.
 */
export function spellCheck(
  locale: Locale,
  lines: readonly SpelledLine[],
  extraWords: readonly string[] = [],
): Promise<UnknownWord[]> {
  const folder = mkdtempSync(path.join(tmpdir(), `spelling-${locale}-`));
  const file = path.join(folder, `${locale}.txt`);
  writeFileSync(file, lines.map((line) => wordsOf(line.text)).join('\n') + '\n', 'utf8');
  let config = cspellConfig(locale);
  if (extraWords.length > 0) {
    config = path.join(folder, 'cspell.json');
    writeFileSync(
      config,
      JSON.stringify({ version: '0.2', import: [cspellConfig(locale)], words: extraWords }),
    );
  }
  const args = [
    cspellBin,
    'lint',
    '--no-default-configuration',
    '--no-config-search',
    '--config',
    config,
    '--no-progress',
    '--no-summary',
    '--no-color',
    '--no-show-suggestions',
    '--no-cache',
    '--no-gitignore',
    pathToFileURL(file).href,
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: root, encoding: 'utf8' }, (error, stdout, stderr) => {
      rmSync(folder, { recursive: true, force: true });
      // Exit code 1 means words were not found; anything else is cspell failing to run.
      if (error && error.code !== 1) {
        reject(new Error(`cspell failed (${String(error.code)}): ${stderr || error.message}`));
        return;
      }
      const found: UnknownWord[] = [];
      for (const match of stdout.matchAll(/:(\d+):\d+ - Unknown word \((.+?)\)/g)) {
        const line = lines[Number(match[1]) - 1];
        found.push({ key: line?.key ?? `line ${match[1]}`, word: match[2]! });
      }
      if (error && found.length === 0) {
        reject(new Error(`cspell reported a problem but no unknown word: ${stdout}${stderr}`));
        return;
      }
      resolve(found);
    });
  });
}

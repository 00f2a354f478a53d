/**
 * Derives services/customers/confusablesLatin.json, the part of Unicode's confusables.txt (UTS #39,
 * https://www.unicode.org/reports/tr39) that the duplicate check of legal names uses:
 *
 *   npx tsc -p tsconfig.build.json
 *   node dist/test/tools/deriveConfusables.js path/to/confusables.txt [obtained-from]
 *
 * (confusables.txt of a Unicode version: https://www.unicode.org/Public/security/<version>/confusables.txt.)
 * The lines are kept verbatim, so each can be found in Unicode's file; what they mean for the key is
 * decided at run time by services/customers/confusables.ts. test/unit/confusables.test.ts checks that
 * the committed file is what this selection makes of itself.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfusableLine } from '../../services/customers/confusables';
import { foldDiacritics } from '../../services/customers/text';

/**
 * The scripts whose letters imitate Latin ones: those of the Greek alphabet's family (Greek, Cyrillic,
 * Coptic, the Latin letters outside ASCII) and those a spoofer reaches for because their letters are
 * drawn like Latin capitals (Armenian, Cherokee, Lisu). Scripts of their own kind (Arabic, Hebrew,
 * Devanagari, ...) are left out: their few Latin-looking letters would change the key of names written
 * in them for no gain.
 */
export const LOOK_ALIKE_SCRIPTS = ['Latin', 'Greek', 'Cyrillic', 'Coptic', 'Armenian', 'Cherokee', 'Lisu'];

function inLookAlikeScript(character: string): boolean {
  return LOOK_ALIKE_SCRIPTS.some((script) => new RegExp(`^\\p{Script=${script}}$`, 'u').test(character));
}

/**
 * The lines of confusables.txt the key needs, in the file's order:
 * - those whose source is ASCII: they say which ASCII characters look alike ("I", "1" and "|" look
 *   like "l"; "0" like "O"; "m" like "rn"), so a look-alike can be read as the right one of them;
 * - those whose source is a letter or digit of a LOOK_ALIKE_SCRIPTS script and whose prototype is ASCII
 *   letters and digits only, leaving out the characters the key already folds by itself
 *   (foldDiacritics: compatibility forms such as fullwidth and mathematical letters, "ß", "ø", "þ", ...),
 *   so that the key of a name without look-alikes stays what it was.
 */
export function selectLatinLookAlikes(confusablesTxt: string): string[] {
  return confusablesTxt.split(/\r?\n/).filter((line) => {
    const parsed = parseConfusableLine(line);
    if (!parsed) return false;
    const [source, prototype] = parsed;
    if (source.length === 1 && source.charCodeAt(0) < 0x80) return true;
    return (
      /^[A-Za-z0-9]+$/.test(prototype) &&
      /^[\p{L}\p{N}]$/u.test(source) &&
      inLookAlikeScript(source) &&
      foldDiacritics(source) === source
    );
  });
}

/** The version and date confusables.txt states in its header. */
export function confusablesHeader(confusablesTxt: string): { version: string; date: string } {
  const version = /^# Version: (\S+)/m.exec(confusablesTxt)?.[1];
  const date = /^# Date: (.+)$/m.exec(confusablesTxt)?.[1]?.trim();
  if (!version || !date) throw new Error('This is not confusables.txt: no "# Version:" or "# Date:" line');
  return { version, date };
}

export interface LatinConfusablesFile {
  about: string;
  source: string;
  version: string;
  date: string;
  licence: string;
  obtainedFrom: string;
  sourceSha256: string;
  derivedBy: string;
  scripts: string[];
  lines: string[];
}

export function latinConfusablesFile(confusablesTxt: string, obtainedFrom: string): LatinConfusablesFile {
  const { version, date } = confusablesHeader(confusablesTxt);
  return {
    about:
      'Lines of Unicode confusables.txt (UTS #39) for Latin look-alikes, verbatim; read by services/customers/confusables.ts.',
    source: `https://www.unicode.org/Public/security/${version}/confusables.txt`,
    version,
    date,
    licence:
      'Unicode License v3 (https://www.unicode.org/license.txt); terms of use: https://www.unicode.org/terms_of_use.html. © Unicode, Inc.',
    obtainedFrom,
    sourceSha256: createHash('sha256')
      .update(confusablesTxt.replace(/^\uFEFF/, ''))
      .digest('hex'),
    derivedBy: 'test/tools/deriveConfusables.ts (selectLatinLookAlikes)',
    scripts: LOOK_ALIKE_SCRIPTS,
    lines: selectLatinLookAlikes(confusablesTxt),
  };
}

async function main(input: string | undefined, obtainedFrom: string | undefined): Promise<void> {
  if (!input) {
    console.error('Usage: node dist/test/tools/deriveConfusables.js path/to/confusables.txt [obtained-from]');
    process.exit(2);
  }
  const file = latinConfusablesFile(readFileSync(input, 'utf8'), obtainedFrom ?? path.basename(input));
  const target = path.join(__dirname, '..', '..', 'services', 'customers', 'confusablesLatin.json');
  // Written as the repository's prettier writes JSON (loaded here only: jest cannot load prettier).
  const { format, resolveConfig } = await import('prettier');
  const options = { ...(await resolveConfig(target)), parser: 'json' };
  writeFileSync(target, await format(JSON.stringify(file, null, 2), options));
  console.log(`${file.lines.length} lines of confusables.txt ${file.version} written to ${target}`);
}

if (require.main === module) {
  main(process.argv[2], process.argv[3]).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

import { foldDiacritics } from './text';

/**
 * Legal-form suffixes, written as name tokens (lower case, no dots; "&" reads as "and"), "|" between
 * forms. Short forms that are ordinary words in names ("me", "na", "da", "is") are left out on purpose:
 * a suffix is only ever stripped from the end of a name, but a false match would still merge two
 * different names.
 */
const LEGAL_FORMS_BY_REGION: Readonly<Record<string, string>> = {
  netherlandsAndBelgium: 'bv|nv|vof|cv|bvba|bv ba|sprl|srl|vzw|asbl',
  germanSpeaking: 'gmbh|mbh|ag|kg|ohg|ug|haftungsbeschrankt|ev|eg|kgaa|gbr|og|gmbh and co kg|ag and co kg',
  frenchSpeaking: 'sa|sas|sasu|sarl|sa rl|eurl|sca|scs|snc|sci|scop',
  englishSpeaking:
    'ltd|limited|plc|llp|lp|llc|pllc|inc|incorporated|corp|corporation|co|company|and co|pty|pty ltd|pvt|pvt ltd|' +
    'private limited|pte|pte ltd|dac|clg|uc|ulc|cic|npc|soc ltd|teoranta|teo',
  southernEuropeAndLatinAmerica: 'spa|sapa|sl|slu|sll|scoop|ltda|eireli|sa de cv|lda|unipessoal lda',
  nordic: 'ab|publ|hb|kb|as|asa|ans|aps|ivs|ks|ps|oy|oyj|ky',
  centralAndEasternEurope: 'sp z oo|spzoo|sp j|sp k|sro|kft|zrt|nyrt|bt|doo|dd|ooo|zao|oao|pao',
  turkiyeAndGulf: 'ltd sti|sti|fze|fzco|fz llc|fzllc|wll|psc|pjsc',
  europeWide: 'se|sce|eeig',
};

const LEGAL_FORMS: readonly string[] = Object.values(LEGAL_FORMS_BY_REGION).flatMap((forms) =>
  forms.split('|'),
);

const FORMS_AS_TOKENS: readonly string[][] = [...new Set(LEGAL_FORMS)]
  .map((form) => form.split(' '))
  .sort((a, b) => b.length - a.length);

/**
 * Splits a name into comparable tokens: accents folded, lower case, "&" as "and", dots and
 * apostrophes dropped ("B.V." -> "bv"), other signs as spaces; a run of single letters is joined,
 * so "B. V.", "A/S" and "n/a" read as "bv", "as" and "na".
 */
export function nameTokens(name: string): string[] {
  const words = foldDiacritics(name)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  const tokens: string[] = [];
  let letters = '';
  for (const word of words) {
    if (word.length === 1 && /\p{L}/u.test(word)) {
      letters += word;
      continue;
    }
    if (letters) tokens.push(letters);
    letters = '';
    tokens.push(word);
  }
  if (letters) tokens.push(letters);
  return tokens;
}

function endsWith(tokens: readonly string[], suffix: readonly string[]): boolean {
  if (suffix.length > tokens.length) return false;
  const start = tokens.length - suffix.length;
  return suffix.every((token, index) => tokens[start + index] === token);
}

/** Name tokens with their trailing legal forms split off: "Contoso Pty. Ltd." -> contoso | pty ltd. */
export interface SplitName {
  core: string[];
  legalForms: string[];
}

export function splitLegalForm(name: string): SplitName {
  const core = nameTokens(name);
  const legalForms: string[] = [];
  for (;;) {
    const form = FORMS_AS_TOKENS.find((candidate) => endsWith(core, candidate));
    if (!form) break;
    core.splice(core.length - form.length, form.length);
    legalForms.unshift(form.join(' '));
  }
  return { core, legalForms };
}

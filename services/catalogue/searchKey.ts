/** Letters that Unicode decomposition leaves alone but a searcher types without their mark. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Folds text for searching: lower case, no diacritics ("Société" -> "societe"), apostrophes dropped,
 * any other run of punctuation or spaces made one space. The store keeps `searchKey(name)` beside the
 * name and queries it with CONTAINS(nameKey, searchKey(query)), so both sides fold the same way.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

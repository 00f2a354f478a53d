import {
  confusablesHeader,
  latinConfusablesFile,
  LOOK_ALIKE_SCRIPTS,
  selectLatinLookAlikes,
} from '../../test/tools/deriveConfusables';
import {
  buildLookAlikes,
  CONFUSABLES_VERSION,
  latinLookAlikes,
  latinSkeleton,
  parseConfusableLine,
} from '../../services/customers/confusables';
import confusablesFile from '../../services/customers/confusablesLatin.json';
import { foldDiacritics } from '../../services/customers/text';

/** Lines as confusables.txt writes them; only the code points matter to the parser. */
const line = (source: string, prototype: string, comment: string) =>
  `${source} ;\t${prototype} ;\tMA\t# ${comment}\t# `;

describe('the confusables data', () => {
  it("says which of Unicode's files it comes from, and under which licence", () => {
    expect(confusablesFile).toMatchObject({
      source: 'https://www.unicode.org/Public/security/17.0.0/confusables.txt',
      version: '17.0.0',
      date: '2025-07-22, 05:49:37 GMT',
      derivedBy: expect.stringContaining('test/tools/deriveConfusables.ts'),
      scripts: LOOK_ALIKE_SCRIPTS,
    });
    expect(confusablesFile.licence).toMatch(/Unicode License v3/);
    expect(confusablesFile.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(CONFUSABLES_VERSION).toBe('17.0.0');
  });

  it('holds lines of confusables.txt as Unicode writes them', () => {
    expect(confusablesFile.lines.length).toBeGreaterThan(200);
    for (const text of confusablesFile.lines) {
      expect([text, parseConfusableLine(text)]).toEqual([text, [expect.any(String), expect.any(String)]]);
      expect(text).toMatch(/^[0-9A-F]{4,6} ;\t[0-9A-F ]+ ;\tMA\t#\*? \( .+ → .+ \) [A-Z].* → [A-Z].*\t# /);
    }
    expect(confusablesFile.lines).toContain(
      '043E ;\t006F ;\tMA\t# ( о → o ) CYRILLIC SMALL LETTER O → LATIN SMALL LETTER O\t# ',
    );
    expect(confusablesFile.lines).toContain(
      '0049 ;\t006C ;\tMA\t# ( I → l ) LATIN CAPITAL LETTER I → LATIN SMALL LETTER L\t# ',
    );
  });

  it('is exactly what the derivation selects: selecting from it again keeps every line and adds none', () => {
    expect(selectLatinLookAlikes(confusablesFile.lines.join('\n'))).toEqual(confusablesFile.lines);
  });

  it('selects the ASCII lines and the Latin look-alikes of the chosen scripts, and nothing else', () => {
    const excerpt = [
      '# confusables.txt',
      '# Date: 2025-07-22, 05:49:37 GMT',
      '# Version: 17.0.0',
      line('0031', '006C', '( 1 → l ) DIGIT ONE → LATIN SMALL LETTER L'),
      line('043E', '006F', '( о → o ) CYRILLIC SMALL LETTER O → LATIN SMALL LETTER O'),
      line('0399', '006C', '( Ι → l ) GREEK CAPITAL LETTER IOTA → LATIN SMALL LETTER L'),
      line('0585', '006F', '( օ → o ) ARMENIAN SMALL LETTER OH → LATIN SMALL LETTER O'),
      line('13A2', '0054', '( Ꭲ → T ) CHEROKEE LETTER I → LATIN CAPITAL LETTER T'),
      // Scripts of their own kind: left out.
      line('0647', '006F', 'ARABIC LETTER HEH → LATIN SMALL LETTER O'),
      line('05E1', '006F', 'HEBREW LETTER SAMEKH → LATIN SMALL LETTER O'),
      // A prototype that is not ASCII: no Latin look-alike.
      line('0432', '0299', '( в → ʙ ) CYRILLIC SMALL LETTER VE → LATIN LETTER SMALL CAPITAL B'),
      // Folded by the key already (compatibility forms, þ): left to that folding.
      line('FF21', '0041', '( Ａ → A ) FULLWIDTH LATIN CAPITAL LETTER A → LATIN CAPITAL LETTER A'),
      line('1D400', '0041', '( 𝐀 → A ) MATHEMATICAL BOLD CAPITAL A → LATIN CAPITAL LETTER A'),
      line('00FE', '0070', '( þ → p ) LATIN SMALL LETTER THORN → LATIN SMALL LETTER P'),
      // Not a letter or digit.
      line('2A2F', '0078', '( ⨯ → x ) VECTOR OR CROSS PRODUCT → LATIN SMALL LETTER X'),
    ].join('\n');
    expect(selectLatinLookAlikes(excerpt).map((text) => text.slice(0, 4))).toEqual([
      '0031',
      '043E',
      '0399',
      '0585',
      '13A2',
    ]);
    expect(confusablesHeader(excerpt)).toEqual({ version: '17.0.0', date: '2025-07-22, 05:49:37 GMT' });
    expect(latinConfusablesFile(excerpt, 'a test')).toMatchObject({
      source: 'https://www.unicode.org/Public/security/17.0.0/confusables.txt',
      obtainedFrom: 'a test',
      lines: selectLatinLookAlikes(excerpt),
    });
  });

  it('refuses a file that is not confusables.txt', () => {
    expect(() => confusablesHeader('just text')).toThrow(/not confusables.txt/);
  });
});

describe('Latin look-alikes', () => {
  const lookAlikes = latinLookAlikes();

  it('maps lower-case letters of other scripts to lower-case ASCII letters and digits, never ASCII itself', () => {
    expect(lookAlikes.size).toBeGreaterThan(150);
    for (const [source, ascii] of lookAlikes) {
      expect([source, ascii]).toEqual([source, expect.stringMatching(/^[a-z0-9]+$/)]);
      expect(source.codePointAt(0)).toBeGreaterThan(0x7f);
      expect(source.toLowerCase()).toBe(source);
      // What the key folds by itself (accents, compatibility forms, ß, ø, þ, ...) is left to it.
      expect(foldDiacritics(source)).toBe(source);
    }
  });

  it.each([
    ['Cyrillic о', '\u043e', 'o'],
    ['Cyrillic capital О', '\u041e', 'o'],
    ['Greek ο', '\u03bf', 'o'],
    ['Armenian օ', '\u0585', 'o'],
    ['Cyrillic а, е, р, с, х, у', '\u0430\u0435\u0440\u0441\u0445\u0443', 'aepcxy'],
    ['Cyrillic capital І, read as I rather than the prototype l', '\u0406', 'i'],
    ['Greek capital Ι, read as I', '\u0399', 'i'],
    ['Latin dental click, read as l', '\u01c0', 'l'],
    ['Cyrillic capital Н, and so its small н', '\u041d\u043d', 'hh'],
    ['Greek capital Ν, and so its small ν (the capital wins)', '\u039d\u03bd', 'nn'],
    ['Cyrillic capital Ы, two letters', '\u042b', 'bi'],
    ['Cyrillic capital З, a digit', '\u0417', '3'],
    ['Cherokee capital Ꭲ', '\u13a2', 't'],
    ['Lisu ꓮ', '\ua4ee', 'a'],
  ])('reads %s as %j', (_what, text, skeleton) => {
    expect(latinSkeleton(text)).toBe(skeleton);
  });

  it('leaves ASCII as it is but for its case, every printable character', () => {
    const printable = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join('');
    expect(latinSkeleton(printable)).toBe(printable.toLowerCase());
    expect(latinSkeleton('Il Mulino 1 | Om 0')).toBe('il mulino 1 | om 0');
  });

  it('drops default-ignorable characters and folds compatibility forms first', () => {
    expect(latinSkeleton('Con\u200btoso\u00ad\u2060\ufeff')).toBe('contoso');
    expect(latinSkeleton('\uff23\uff4f\uff4e\u{1d42d}\u{1d428}\u{1d42c}\u{1d428}')).toBe('contoso');
    // The micro sign is a Greek μ once folded, and μ looks like m.
    expect(latinSkeleton('\u00b5')).toBe(latinSkeleton('\u03bc'));
  });

  it('keeps accents as marks after the letter, for the key to drop', () => {
    expect(latinSkeleton('C\u00f3nt\u00f6so')).toBe('co\u0301nto\u0308so');
    expect(latinSkeleton('\u0451')).toBe('e\u0308');
  });

  it('builds the same mapping from the lines whatever their order, the capital winning a conflict', () => {
    const lines = [
      line('03BD', '0076', '( ν → v ) GREEK SMALL LETTER NU → LATIN SMALL LETTER V'),
      line('039D', '004E', '( Ν → N ) GREEK CAPITAL LETTER NU → LATIN CAPITAL LETTER N'),
    ];
    expect(buildLookAlikes(lines)).toEqual(new Map([['\u03bd', 'n']]));
    expect(buildLookAlikes([...lines].reverse())).toEqual(new Map([['\u03bd', 'n']]));
    expect(buildLookAlikes([...confusablesFile.lines].reverse())).toEqual(lookAlikes);
  });
});

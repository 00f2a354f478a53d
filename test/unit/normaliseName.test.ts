import { nameTokens, splitLegalForm } from '../../services/customers/legalForms';
import { normaliseName } from '../../services/customers/normaliseName';
import { reservationIds } from '../../services/customers/reservationStore';

describe('duplicate key of a legal name', () => {
  it.each([
    [['Contoso B.V.', 'contoso bv', 'CONTOSO  BV.', 'Contoso', 'Contoso B. V.', ' contoso b.v '], 'contoso'],
    [['Müller GmbH', 'Muller GmbH', 'MÜLLER GMBH', 'Müller'], 'muller'],
    [['Fabrikam, Inc.', 'Fabrikam Inc', 'FABRIKAM INCORPORATED'], 'fabrikam'],
    [
      ['Northwind Traders (Pty) Ltd', 'Northwind Traders Pty. Ltd.', 'northwind-traders'],
      'northwind traders',
    ],
    [['Straße AG', 'Strasse AG'], 'strasse'],
    [['Ørsted A/S', 'Orsted AS'], 'orsted'],
    [['Smith & Co.', 'Smith and Co', 'SMITH'], 'smith'],
    [['Fabrikam Sp. z o.o.', 'Fabrikam sp z oo'], 'fabrikam'],
  ])('gives %j the one key %j', (names, key) => {
    for (const name of names) expect(normaliseName(name)).toBe(key);
  });

  it.each([
    ['Contoso B.V.', 'Fabrikam B.V.'],
    ['Contoso Holding B.V.', 'Contoso B.V.'],
    ['Ab Inbev NV', 'Inbev NV'],
  ])('keeps %j and %j apart', (first, second) => {
    expect(normaliseName(first)).not.toBe(normaliseName(second));
  });

  it('strips only a trailing legal form, not one at the start', () => {
    expect(normaliseName('AB Volvo')).toBe('ab volvo');
  });

  it('keeps a bare legal form as its own key rather than an empty one', () => {
    expect(normaliseName('B.V.')).toBe('bv');
  });

  it.each([
    ['Contoso A/S', ['contoso', 'as']],
    ['n/a', ['na']],
    ['Contoso B. V.', ['contoso', 'bv']],
    ['John A. Smith Ltd', ['john', 'a', 'smith', 'ltd']],
  ])('joins a run of single letters into one token: %j', (name, tokens) => {
    expect(nameTokens(name)).toEqual(tokens);
  });

  it('separates the legal forms from the name', () => {
    expect(splitLegalForm('Contoso GmbH & Co. KG')).toEqual({
      core: ['contoso'],
      legalForms: ['gmbh and co kg'],
    });
    expect(splitLegalForm('Contoso Pty Ltd')).toEqual({ core: ['contoso'], legalForms: ['pty ltd'] });
  });
});

/**
 * The key as it was before look-alikes were folded, rebuilt from the parts that did not change:
 * names without look-alikes must keep it, or the reservations stored under it would no longer hold.
 */
function keyBeforeLookAlikes(legalName: string): string {
  const { core } = splitLegalForm(legalName);
  return (core.length > 0 ? core : nameTokens(legalName)).join(' ');
}

describe('duplicate key of a legal name written with look-alike or invisible characters', () => {
  it.each([
    ['a Cyrillic о', 'C\u043entoso B.V.'],
    ['a Greek ο', 'Cont\u03bfso B.V.'],
    ['Cyrillic С and О in capitals', '\u0421\u041eNTOSO BV'],
    ['a Cyrillic В in the legal form', 'Contoso \u0412.V.'],
    ['an Armenian օ', 'Cont\u0585so B.V.'],
    ['Cherokee capitals C, T and S', '\u13dfON\u13a2O\u13daO B.V.'],
    ['fullwidth letters', '\uff23\uff4f\uff4e\uff54\uff4f\uff53\uff4f B.V.'],
    ['mathematical bold letters', '\u{1d402}\u{1d428}\u{1d427}\u{1d42d}\u{1d428}\u{1d42c}\u{1d428} B.V.'],
    ['a zero-width space', 'Con\u200btoso B.V.'],
    ['a soft hyphen', 'Con\u00adtoso B.V.'],
    ['decomposed accents', 'Contoso B.V.'.normalize('NFD')],
  ])('gives a name with %s the key of "Contoso B.V."', (_what, spoofed) => {
    expect(normaliseName(spoofed)).toBe('contoso');
    expect(reservationIds.name('NL', normaliseName(spoofed))).toBe(reservationIds.name('NL', 'contoso'));
  });

  it.each([
    ['a Cyrillic І for the capital I', '\u0406BM Benelux B.V.', 'IBM Benelux B.V.'],
    ['a Greek Ι for the capital I', '\u0399BM Benelux B.V.', 'IBM Benelux B.V.'],
    ['a Cyrillic palochka for the capital I', '\u04c0BM Benelux B.V.', 'IBM Benelux B.V.'],
    ['a Latin dental click for the small l', 'A\u01c0\u01c0ianz Nederland N.V.', 'Allianz Nederland N.V.'],
    ['a Cyrillic capital Н and Т', 'Nor\u0422hwind \u041doldings Ltd', 'NorThwind Holdings Ltd'],
    ['a Greek Ο for the capital O', 'N\u039fKIA Oyj', 'NOKIA Oyj'],
    ['Cyrillic а, е, р, с and х', 'R\u0430\u0441ing T\u0435\u0445tiles \u0440lc', 'Racing Textiles plc'],
    ['a Cyrillic Ы read as "bI"', 'A\u042b Foods AB', 'AbI Foods AB'],
  ])('gives a name with %s the key of the name it imitates', (_what, spoofed, real) => {
    expect(normaliseName(spoofed)).toBe(normaliseName(real));
  });

  it.each([
    ['Contoso B.V.', 'contoso'],
    ['Fabrikam, Inc.', 'fabrikam'],
    ['IBM Benelux B.V.', 'ibm benelux'],
    ['Allianz Nederland N.V.', 'allianz nederland'],
    ['3M Nederland B.V.', '3m nederland'],
    ['Tailspin Toys (Pty) Ltd', 'tailspin toys'],
    ['M&M Mars Ltd', 'm and m mars'],
    ['0800 Flowers Limited', '0800 flowers'],
    ['Wingtip Toys Vestiging 07 B.V.', 'wingtip toys vestiging 07'],
    ['Il Mulino S.p.A.', 'il mulino'],
    ['`Quoted` "Name" | Pipe 1 Ltd', 'quoted name pipe 1'],
  ])('keeps the key of the plain ASCII name %j as it was: %j', (name, key) => {
    expect(normaliseName(name)).toBe(key);
    expect(normaliseName(name)).toBe(keyBeforeLookAlikes(name));
  });

  it('keeps the key of every plain ASCII name as it was (a seeded sample of 2,000)', () => {
    let seed = 20261123;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const printable = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join('');
    const letters = 'aAbBcCiIlLmMnNoOrRsSwWvV01|';
    for (let sample = 0; sample < 2000; sample += 1) {
      const alphabet = sample % 2 === 0 ? printable : letters;
      const length = 1 + Math.floor(random() * 30);
      const name = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect([name, normaliseName(name)]).toEqual([name, keyBeforeLookAlikes(name)]);
    }
  });

  it.each([
    'Müller GmbH',
    'Société Générale SA',
    'Ørsted A/S',
    'Straße AG',
    'Łódź Logistics Sp. z o.o.',
    'Þór ehf',
    '李宁有限公司',
    'شركة المراعي',
    'टाटा मोटर्स लिमिटेड',
  ])('keeps the key of %j, which has no look-alikes, as it was', (name) => {
    expect(normaliseName(name)).toBe(keyBeforeLookAlikes(name));
  });

  it('keeps the reservation id of a plain ASCII name exactly as stored before', () => {
    expect(reservationIds.name('NL', normaliseName('Contoso B.V.'))).toBe('name:NL:contoso');
    expect(reservationIds.name('GB', normaliseName('Northwind Traders (Pty) Ltd'))).toBe(
      'name:GB:northwind traders',
    );
  });

  it('gives a name in Cyrillic or Greek one key however it is typed, apart from other names', () => {
    const romashka = normaliseName('ООО Ромашка');
    expect(normaliseName('ООО  "Ромашка"')).toBe(romashka);
    expect(normaliseName('ООО Ромашка'.normalize('NFD'))).toBe(romashka);
    expect(normaliseName('ооо ромашка')).toBe(romashka);
    expect(normaliseName('ООО Василёк')).not.toBe(romashka);
    expect(normaliseName('Ελληνικά Πετρέλαια Α.Ε.')).toBe(normaliseName('ΕΛΛΗΝΙΚΑ ΠΕΤΡΕΛΑΙΑ Α.Ε.'));
  });

  it('keeps names apart that differ in a letter no look-alike explains', () => {
    expect(normaliseName('Contoso B.V.')).not.toBe(normaliseName('Contosa B.V.'));
    expect(normaliseName('C\u043entoso B.V.')).not.toBe(normaliseName('Cantoso B.V.'));
  });
});

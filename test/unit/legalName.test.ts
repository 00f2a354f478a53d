import { say } from '../../messages/catalogue';
import { checkLegalName } from '../../services/customers/legalName';

describe('company legal name', () => {
  it.each([
    'Contoso B.V.',
    'Fabrikam, Inc.',
    'Müller & Söhne GmbH',
    '3M Company',
    'Ab Inbev NV',
    'HP Inc.',
    'IBM Corporation',
    'Testa Foods B.V.',
    'Test & Measurement Systems Ltd',
    'Sample Technologies Ltd',
    'X Corp.',
    'Contoso A/S',
    'Fabrikam Sp. z o.o.',
    'Northwind Traders (Pty) Ltd',
    'Société Générale SA',
    'Ørsted A/S',
    'CONTOSO',
    'Li & Fung Limited',
  ])('accepts the real name %j', (name) => {
    expect(checkLegalName(name)).toEqual({ ok: true, value: name });
  });

  it('trims it and collapses inner spaces', () => {
    expect(checkLegalName('  Contoso   B.V. ')).toEqual({ ok: true, value: 'Contoso B.V.' });
  });

  it.each([undefined, '', '   '])('asks for a legal name when given %j', (name) => {
    expect(checkLegalName(name)).toMatchObject({ ok: false, key: 'legalName.required' });
  });

  it('refuses a single character as too short', () => {
    expect(checkLegalName(' Q ')).toMatchObject({ ok: false, key: 'legalName.tooShort', params: { min: 2 } });
  });

  it('accepts 255 characters and refuses 256', () => {
    expect(checkLegalName(`Contoso ${'a'.repeat(247)}`).ok).toBe(true);
    expect(checkLegalName(`Contoso ${'a'.repeat(248)}`)).toMatchObject({
      ok: false,
      key: 'legalName.tooLong',
      params: { max: 255, length: 256 },
    });
  });

  it.each(['999', 'aaaa', 'AA', 'x x x', '...'])('refuses one character repeated: %j', (name) => {
    expect(checkLegalName(name)).toMatchObject({
      ok: false,
      key: 'legalName.repeatedCharacter',
      params: { value: name },
    });
  });

  it.each(['12345', '12-34', '!?', '# 1', '2024'])('refuses a name without letters: %j', (name) => {
    expect(checkLegalName(name)).toMatchObject({ ok: false, key: 'legalName.noLetters' });
  });

  it.each(['A B C', 'A. B. C.', 'x y', 'Q R S T'])('refuses spaced single letters: %j', (name) => {
    expect(checkLegalName(name)).toMatchObject({ ok: false, key: 'legalName.spacedLetters' });
  });

  it.each([
    'LLC',
    'BV',
    'B.V.',
    'b.v.',
    'Inc',
    'Inc.',
    'GmbH',
    'Ltd',
    'SA',
    'NV',
    'Pty Ltd',
    'GmbH & Co. KG',
    'S.p.A.',
    'A/S',
    'Limited',
    'Sp. z o.o.',
  ])('refuses the bare legal form %j', (name) => {
    expect(checkLegalName(name)).toMatchObject({
      ok: false,
      key: 'legalName.bareLegalForm',
      params: { value: name },
    });
  });

  it.each([
    'test',
    'Test',
    'TEST',
    'demo',
    'sample',
    'example',
    'foo',
    'asdf',
    'n/a',
    'N.A.',
    'test company',
    'Test B.V.',
    'Sample Ltd',
    'Demo Customer 2',
    'Example Inc.',
    'Foo Bar',
    'Testing 123',
    'My Company',
    'New Customer',
    'Customer',
    'qwerty GmbH',
    'Lorem Ipsum B.V.',
  ])('refuses the test or placeholder name %j', (name) => {
    expect(checkLegalName(name)).toMatchObject({
      ok: false,
      key: 'legalName.placeholder',
      params: { value: name },
    });
  });

  it.each([
    'Test Bedrijf B.V.',
    'Testbedrijf B.V.',
    'Demo Bedrijf',
    'Voorbeeld B.V.',
    'Proef B.V.',
    'Het Testbedrijf',
    'Voorbeeldbedrijf',
    'Proefbedrijf BV',
    'Nepbedrijf B.V.',
    'Testklant 3',
    'Demo Klant B.V.',
    'Mijn Bedrijf B.V.',
    'Nieuwe Klant',
    'Bedrijfsnaam',
    'Test - niet gebruiken',
    'N.v.t.',
    'Onbekend',
    'Test Company',
    'Testcompany Ltd',
    'Demo2',
    'Test123 B.V.',
    'Beispiel GmbH',
    'Beispielfirma GmbH',
    'Musterfirma GmbH',
    'Muster AG',
    'Testfirma',
    'Meine Firma GmbH',
    'Société Exemple SARL',
    'Exemple SA',
    'Essai SAS',
    'Empresa de Prueba S.L.',
    'Ejemplo SA',
    'Azienda di Prova S.r.l.',
    'Esempio S.p.A.',
    'Empresa Teste Ltda',
    'Firma Testowa Sp. z o.o.',
    'Przykładowa Firma',
    'Exempel AB',
    'Testföretag AB',
    'Eksempel ApS',
    'Eksempel AS',
    'Deneme Şirketi',
    'Örnek Şirket A.Ş.',
  ])('refuses the test or placeholder name %j, whatever its language', (name) => {
    expect(checkLegalName(name)).toMatchObject({
      ok: false,
      key: 'legalName.placeholder',
      params: { value: name },
    });
  });

  it.each([
    'Contest B.V.',
    'Testa Holding B.V.',
    'Testa B.V.',
    'Demolition Ltd',
    'Proeftuin Amsterdam B.V.',
    'Voorbeeldig Wonen B.V.',
    'Protestants Ziekenhuis',
    'Testament Publishing Ltd',
    'Attest Accountants B.V.',
    'Proefkeuken Utrecht B.V.',
    'Proefbedrijf Vredepeel',
    'Bedrijfsrestaurant De Kantine B.V.',
    'Firma Jansen',
    'Klantenservice Nederland B.V.',
    'Demonstratie Techniek B.V.',
    'Nepal Trading B.V.',
    'De Bar B.V.',
    'Le Nil SARL',
    'Beispielhaft GmbH',
    'Musterhaus Küchen GmbH',
    'Mustermann Logistik GmbH',
    'Exemplar Software Ltd',
    'Provata S.r.l.',
    'Testing Solutions Europe B.V.',
    'Temp Staffing Ltd',
    'Ornekoy Tekstil A.Ş.',
  ])('accepts the real-looking name %j', (name) => {
    expect(checkLegalName(name)).toEqual({ ok: true, value: name });
  });

  it.each(['IBM', 'KPMG', 'SAP', 'I.B.M.', 'AT&T', '3M', 'ÅF'])(
    'refuses an acronym as legal name: %j',
    (name) => {
      expect(checkLegalName(name)).toMatchObject({
        ok: false,
        key: 'legalName.acronym',
        params: { value: name },
      });
    },
  );

  it.each(['CONTOSO', 'Kpmg', 'ibm'])(
    'does not count %j as an acronym (too long, or not all capitals)',
    (name) => {
      expect(checkLegalName(name).ok).toBe(true);
    },
  );

  it('tells the agent what to enter instead of an acronym', () => {
    const result = checkLegalName('IBM');
    expect(!result.ok && say(result.key, result.params)).toBe(
      'Enter the full legal name as on official documents, not the acronym "IBM".',
    );
  });

  it('suggests adding the company name to a bare legal form', () => {
    const result = checkLegalName('B.V.');
    expect(!result.ok && say(result.key, result.params)).toBe(
      '"B.V." is only a legal form. Enter the full legal name including the company name, for example "Contoso B.V.".',
    );
  });
});

describe('company legal name written with look-alike letters or decomposed accents', () => {
  it('answers it in NFC, whichever way the accents were typed', () => {
    const composed = 'Société Générale SA'.normalize('NFC');
    expect(checkLegalName(composed.normalize('NFD'))).toEqual({ ok: true, value: composed });
  });

  it('accepts a name with a look-alike letter as typed: the duplicate check compares it', () => {
    expect(checkLegalName('C\u043entoso B.V.')).toEqual({ ok: true, value: 'C\u043entoso B.V.' });
  });

  it.each([
    ['a test name with a Cyrillic Т', '\u0422est B.V.', 'legalName.placeholder'],
    ['a demo name with a Greek ο', 'Dem\u03bf Customer', 'legalName.placeholder'],
    ['a bare legal form with a Cyrillic В', '\u0412.V.', 'legalName.bareLegalForm'],
    ['a repeated letter mixing Latin a and Cyrillic а', 'a\u0430a\u0430', 'legalName.repeatedCharacter'],
    ['a repeated accented letter', '\u00c5\u00c5\u00c5', 'legalName.repeatedCharacter'],
    ['a repeated accented letter typed decomposed', 'E\u0301E\u0301', 'legalName.repeatedCharacter'],
  ])('refuses %s as it would the plain one, quoting it as typed (in NFC)', (_what, name, key) => {
    expect(checkLegalName(name)).toEqual({ ok: false, key, params: { value: name.normalize('NFC') } });
  });
});

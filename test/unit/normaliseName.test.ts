import { nameTokens, splitLegalForm } from '../../services/customers/legalForms';
import { normaliseName } from '../../services/customers/normaliseName';

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

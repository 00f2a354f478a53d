import { say } from '../../messages/catalogue';
import { checkDomainPrefix, MAX_DOMAIN_PREFIX_LENGTH } from '../../services/customers/domainPrefix';
import { suggestDomainPrefixes } from '../../services/customers/domainPrefixSuggestions';

describe('domain prefix format', () => {
  it.each([
    ['contoso', 'contoso'],
    ['Contoso', 'contoso'],
    [' CONTOSO2024 ', 'contoso2024'],
    ['3m', '3m'],
    ['a', 'a'],
    ['a'.repeat(27), 'a'.repeat(27)],
  ])('accepts %j as %j', (typed, prefix) => {
    expect(checkDomainPrefix(typed)).toEqual({ ok: true, value: prefix });
  });

  it('keeps the unconfirmed upper bound of 27 characters as a named constant', () => {
    expect(MAX_DOMAIN_PREFIX_LENGTH).toBe(27);
  });

  it.each([undefined, '', '  '])('asks for a prefix when given %j', (typed) => {
    expect(checkDomainPrefix(typed)).toMatchObject({ ok: false, key: 'domainPrefix.required' });
  });

  it.each([
    ['contoso.com', 'contoso'],
    ['https://contoso.com', 'contoso'],
    ['https://www.contoso.co.uk/about', 'contoso'],
    ['www.contoso-bv.nl', 'contosobv'],
    ['admin@contoso.com', 'contoso'],
    ['Contoso.COM', 'contoso'],
  ])('suggests the prefix when a full domain %j is typed', (typed, suggestion) => {
    expect(checkDomainPrefix(typed)).toEqual({
      ok: false,
      key: 'domainPrefix.fullDomain',
      params: { value: typed, suggestion },
    });
  });

  it('says what to enter for contoso.com', () => {
    const result = checkDomainPrefix('contoso.com');
    expect(!result.ok && say(result.key, result.params)).toBe(
      'Enter only the prefix of the new .onmicrosoft.com domain, not a domain or web address: for "contoso.com" enter "contoso".',
    );
  });

  it.each(['contoso.onmicrosoft.com', 'https://Contoso.onmicrosoft.com/'])(
    'asks for only the part before .onmicrosoft.com in %j',
    (typed) => {
      expect(checkDomainPrefix(typed)).toMatchObject({
        ok: false,
        key: 'domainPrefix.onmicrosoftDomain',
        params: { suggestion: 'contoso' },
      });
    },
  );

  it.each([
    ['con toso', 'contoso'],
    ['contoso-bv', 'contosobv'],
    ['contoso_bv', 'contosobv'],
    ['müller', 'muller'],
  ])('refuses signs and accents in %j and suggests %j', (typed, suggestion) => {
    expect(checkDomainPrefix(typed)).toEqual({
      ok: false,
      key: 'domainPrefix.invalidCharacters',
      params: { value: typed, suggestion },
    });
  });

  it.each(['---', '!!!', '...'])('refuses %j, which has no usable characters', (typed) => {
    expect(checkDomainPrefix(typed)).toMatchObject({ ok: false, key: 'domainPrefix.noUsableCharacters' });
  });

  it('refuses 28 characters and suggests the first 27', () => {
    const typed = 'contosointernationalholding1';
    expect(checkDomainPrefix(typed)).toEqual({
      ok: false,
      key: 'domainPrefix.tooLong',
      params: { value: typed, length: 28, max: 27, suggestion: 'contosointernationalholding' },
    });
  });
});

describe('domain prefix suggestions', () => {
  it('proposes the name, with its legal form, with the country, then numbered', () => {
    expect(suggestDomainPrefixes('Contoso B.V.', 5, { country: 'NL' })).toEqual([
      'contoso',
      'contosobv',
      'contosonl',
      'contoso1',
      'contoso2',
    ]);
  });

  it('never proposes a prefix known to be taken', () => {
    expect(suggestDomainPrefixes('contoso', 3, { exclude: ['Contoso'] })).toEqual([
      'contoso1',
      'contoso2',
      'contoso3',
    ]);
  });

  it('proposes the first word of a longer name', () => {
    expect(suggestDomainPrefixes('Müller & Söhne GmbH', 3)).toEqual([
      'mullersohne',
      'muller',
      'mullersohnegmbh',
    ]);
  });

  it.each(['Contoso B.V.', 'Fabrikam International Holding Europe Limited', 'Ørsted A/S', '3M Company'])(
    'proposes only valid prefixes for %j',
    (name) => {
      const suggestions = suggestDomainPrefixes(name, 12, { country: 'GB' });
      expect(suggestions).toHaveLength(12);
      expect(new Set(suggestions).size).toBe(12);
      for (const suggestion of suggestions)
        expect(checkDomainPrefix(suggestion)).toEqual({ ok: true, value: suggestion });
    },
  );

  it('shortens a long name so the number still fits', () => {
    expect(suggestDomainPrefixes('Fabrikam International Holding Europe Limited', 4)).toEqual([
      'fabrikaminternationalholdin',
      'fabrikam',
      'fabrikaminternationalimited',
      'fabrikaminternationalholdi1',
    ]);
  });

  it.each(['', '!!!'])('proposes nothing for %j', (name) => {
    expect(suggestDomainPrefixes(name)).toEqual([]);
  });
});

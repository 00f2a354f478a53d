import { readable } from '../harness/englishText';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadResellerCatalogue } from '../../services/catalogue/loadCatalogue';
import { validateResellerChoice } from '../../services/catalogue/resellerChoice';
import { findResellers } from '../../services/catalogue/resellerSearch';
import { ResellerSchema, type Reseller, type ResellerCatalogueFile } from '../../services/catalogue/schemas';
import { searchKey } from '../../services/catalogue/searchKey';

function reseller(fields: Partial<Reseller> & Pick<Reseller, 'id' | 'name' | 'mpnId'>): Reseller {
  return ResellerSchema.parse({
    tenantId: '00000000-0000-0000-0000-000000000001',
    relationshipState: 'active',
    ...fields,
  });
}

const resellers: Reseller[] = [
  reseller({ id: 'fourth-coffee', name: 'Fourth Coffee IT Services', mpnId: '4120387', countries: ['US'] }),
  reseller({ id: 'northwind', name: 'Northwind Traders Solutions', mpnId: '4120512' }),
  reseller({ id: 'sgl', name: 'Société Générale de Logiciels', mpnId: '4987705', countries: ['FR', 'BE'] }),
  reseller({ id: 'tailspin', name: 'Tailspin Toys Digital', mpnId: '812345', relationshipState: 'inactive' }),
  reseller({ id: 'coffee-house', name: 'Coffee House Cloud', mpnId: '6000001' }),
];

const names = (found: Reseller[]) => found.map((r) => r.name);

describe('searching indirect resellers', () => {
  it.each([
    ['part of a name', 'traders', ['Northwind Traders Solutions']],
    ['a name in another case', 'NORTHWIND', ['Northwind Traders Solutions']],
    ['a name without its diacritics', 'societe generale', ['Société Générale de Logiciels']],
    ['a name with diacritics the name has', 'Générale', ['Société Générale de Logiciels']],
    ['an exact MPN ID', '4987705', ['Société Générale de Logiciels']],
    ['the start of an MPN ID', '4120', ['Fourth Coffee IT Services', 'Northwind Traders Solutions']],
    ['an MPN ID with stray spaces', ' 4120 387 ', ['Fourth Coffee IT Services']],
    [
      'names that start with the query before names that only contain it',
      'coffee',
      ['Coffee House Cloud', 'Fourth Coffee IT Services'],
    ],
    ['an inactive reseller, which it leaves out', 'tailspin', []],
    ['an inactive reseller by MPN ID, which it leaves out', '812345', []],
    ['something nobody is called', 'contoso', []],
  ])('finds resellers by %s', (_case, query, expected) => {
    expect(names(findResellers(resellers, query))).toEqual(expected);
  });

  it('finds an inactive reseller when asked to include them', () => {
    expect(names(findResellers(resellers, 'tailspin', { includeInactive: true }))).toEqual([
      'Tailspin Toys Digital',
    ]);
  });

  it('lists every active reseller by name for an empty query', () => {
    expect(names(findResellers(resellers, '  '))).toEqual([
      'Coffee House Cloud',
      'Fourth Coffee IT Services',
      'Northwind Traders Solutions',
      'Société Générale de Logiciels',
    ]);
  });

  it('leaves out resellers that do not sell in the customer country', () => {
    expect(names(findResellers(resellers, 'coffee', { country: 'fr' }))).toEqual(['Coffee House Cloud']);
  });

  it('lists only the active resellers of the customer country for an empty query', () => {
    expect(names(findResellers(resellers, '', { country: 'US' }))).toEqual([
      'Coffee House Cloud',
      'Fourth Coffee IT Services',
      'Northwind Traders Solutions',
    ]);
  });

  it('leaves out an inactive reseller in a country it sells in', () => {
    expect(names(findResellers(resellers, 'tailspin', { country: 'NL' }))).toEqual([]);
  });
});

describe('the search key the store keeps beside a name', () => {
  it.each([
    ['Société Générale de Logiciels', 'societe generale de logiciels'],
    ['  Northwind   Traders, Inc. ', 'northwind traders inc'],
    ['Straße & Søn', 'strasse son'],
    ["O'Neill Cloud", 'oneill cloud'],
    ['İstanbul Bilişim', 'istanbul bilisim'],
  ])('folds %j to %j', (text, key) => {
    expect(searchKey(text)).toBe(key);
  });
});

describe('choosing a reseller', () => {
  it('accepts an active reseller', () => {
    expect(validateResellerChoice(resellers, 'northwind')).toEqual({ ok: true, value: resellers[1] });
  });

  it.each([
    [
      'an inactive reseller',
      'tailspin',
      'reseller.inactive',
      /Tailspin Toys Digital \(MPN ID 812345\) is not active/,
    ],
    ['an unknown reseller', 'contoso', 'reseller.unknown', /There is no indirect reseller "contoso"/],
  ])('refuses %s, saying what to do instead', (_case, id, key, message) => {
    const result = validateResellerChoice(resellers, id);
    expect(readable(result)).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({ field: 'resellerId', key, message: expect.stringMatching(message) }),
      ],
    });
  });

  it.each([
    ['a reseller that lists the country', 'fourth-coffee', 'US'],
    ['a reseller that lists the country, in lower case', 'sgl', 'be'],
    ['a reseller that lists no countries', 'northwind', 'NL'],
  ])('accepts %s for a customer in that country', (_case, id, country) => {
    expect(validateResellerChoice(resellers, id, { country })).toMatchObject({ ok: true, value: { id } });
  });

  it('refuses a reseller not active in the customer country, naming the reseller and the country', () => {
    expect(readable(validateResellerChoice(resellers, 'fourth-coffee', { country: 'nl' }))).toEqual({
      ok: false,
      errors: [
        {
          field: 'resellerId',
          key: 'reseller.notInCountry',
          params: {
            resellerName: 'Fourth Coffee IT Services',
            mpnId: '4120387',
            country: { country: 'NL', inSentence: true },
            countryCode: 'NL',
          },
          message:
            'Fourth Coffee IT Services (MPN ID 4120387) does not work with customers in the Netherlands, so it cannot be chosen for this customer. Choose a reseller that is active in the Netherlands, or none to make this a direct customer.',
        },
      ],
    });
    expect(readable(validateResellerChoice(resellers, 'sgl', { country: 'DE' }))).toMatchObject({
      ok: false,
      errors: [
        { key: 'reseller.notInCountry', message: expect.stringMatching(/^Société .* customers in Germany,/) },
      ],
    });
  });

  it('says an inactive reseller is inactive, whatever the country', () => {
    expect(validateResellerChoice(resellers, 'tailspin', { country: 'US' })).toMatchObject({
      ok: false,
      errors: [{ key: 'reseller.inactive' }],
    });
  });

  it('checks no country when none is given, as before', () => {
    expect(validateResellerChoice(resellers, 'fourth-coffee')).toMatchObject({ ok: true });
    expect(validateResellerChoice(resellers, 'fourth-coffee', { country: '' })).toMatchObject({ ok: true });
  });
});

describe('the shipped reseller list', () => {
  let file: ResellerCatalogueFile;
  beforeAll(async () => {
    file = (await loadResellerCatalogue()).data;
  });

  it('loads, says it is sample data and has active and inactive resellers', () => {
    expect(file.sampleData).toBe(true);
    expect(file.resellers.length).toBeGreaterThanOrEqual(6);
    expect(file.resellers.filter((r) => r.relationshipState === 'inactive').length).toBeGreaterThanOrEqual(2);
  });

  it('has unique ids and MPN IDs', () => {
    for (const field of ['id', 'mpnId'] as const) {
      const values = file.resellers.map((r) => r[field]);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it.each(['NL', 'US', 'GB', 'DE'])('has an active reseller for a customer in %s', (country) => {
    expect(findResellers(file.resellers, '', { country }).length).toBeGreaterThanOrEqual(1);
    expect(
      file.resellers.some((r) => r.relationshipState === 'active' && r.countries?.includes(country)),
    ).toBe(true);
  });

  it('has an active reseller that works only in other countries, so it is refused there', () => {
    const elsewhere = file.resellers.filter(
      (r) =>
        r.relationshipState === 'active' &&
        r.countries !== undefined &&
        !['NL', 'US', 'GB', 'DE'].some((country) => r.countries?.includes(country)),
    );
    expect(elsewhere.length).toBeGreaterThanOrEqual(1);
    for (const reseller of elsewhere)
      expect(validateResellerChoice(file.resellers, reseller.id, { country: 'NL' })).toMatchObject({
        ok: false,
        errors: [{ key: 'reseller.notInCountry' }],
      });
  });

  it('finds its reseller with a diacritic by a plain-letter search', () => {
    expect(names(findResellers(file.resellers, 'societe'))).toEqual(['Société Générale de Logiciels']);
  });
});

describe('loading a reseller file', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'reseller-catalogue-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const good = {
    id: 'litware',
    name: 'Litware Consulting',
    mpnId: '6409931',
    tenantId: '704a1b28-c1bf-4ac1-8a76-05fbf4371dba',
    relationshipState: 'active',
  };

  it.each([
    [
      'the same MPN ID twice',
      [good, { ...good, id: 'litware-2', tenantId: '704a1b28-c1bf-4ac1-8a76-05fbf4371dbb' }],
      /MPN ID "6409931" is used twice/,
    ],
    ['an MPN ID of 5 digits', [{ ...good, mpnId: '12345' }], /6 or 7 digits/],
    ['a tenant ID that is not a GUID', [{ ...good, tenantId: 'litware.onmicrosoft.com' }], /tenantId/],
    ['an unknown relationship state', [{ ...good, relationshipState: 'pending' }], /relationshipState/],
    ['a country listed twice', [{ ...good, countries: ['DE', 'AT', 'DE'] }], /country "DE" is used twice/],
    ['"UK" as a country', [{ ...good, countries: ['UK'] }], /"GB"/],
  ])('refuses a file with %s', async (_case, list, problem) => {
    const filePath = path.join(directory, 'resellers.json');
    await writeFile(filePath, JSON.stringify({ version: '2025-07-01', sampleData: false, resellers: list }));
    await expect(loadResellerCatalogue(filePath)).rejects.toThrow(problem);
  });
});

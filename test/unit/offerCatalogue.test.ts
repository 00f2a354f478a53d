import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CatalogueFileError,
  loadCatalogue,
  loadOfferCatalogue,
  type LoadedCatalogue,
} from '../../services/catalogue/loadCatalogue';
import { isSoldIn } from '../../services/catalogue/offerAvailability';
import { OfferSchema } from '../../services/catalogue/schemas';
import { sampleOfferCatalogue } from '../tools/sampleOffers';

describe('the shipped offer catalogue', () => {
  let catalogue: LoadedCatalogue;
  beforeAll(async () => {
    catalogue = await loadCatalogue();
  });
  const offers = () => catalogue.offers.data.offers;

  it('loads, says it is sample data and has the scale of a real partner catalogue', () => {
    expect(catalogue.offers.data.sampleData).toBe(true);
    expect(catalogue.offers.data.note).toMatch(/^Sample data/);
    expect(offers().length).toBeGreaterThanOrEqual(500);
  });

  it('is what test/tools/sampleOffers.ts makes (run it again after changing it)', () => {
    expect(JSON.parse(JSON.stringify(sampleOfferCatalogue()))).toEqual(
      JSON.parse(JSON.stringify(catalogue.offers.data)),
    );
  });

  it('spans the product families, every term and every billing frequency', () => {
    const families = new Set(offers().map((offer) => offer.productFamily));
    for (const family of ['Microsoft 365', 'Dynamics 365', 'Power Platform', 'Azure', 'Windows 365']) {
      expect(families).toContain(family);
    }
    const terms = new Set(offers().flatMap((offer) => offer.terms));
    const cycles = new Set(offers().flatMap((offer) => offer.billingCycles));
    expect([...terms].sort()).toEqual(['P1M', 'P1Y', 'P3Y']);
    expect([...cycles].sort()).toEqual(['annual', 'monthly', 'triennial']);
  });

  it('has add-ons, each with base offers that exist and are not add-ons themselves', () => {
    const byId = new Map(offers().map((offer) => [offer.id, offer]));
    const addOns = offers().filter((offer) => offer.isAddOn);
    expect(addOns.length).toBeGreaterThanOrEqual(3);
    for (const addOn of addOns) {
      expect(addOn.prerequisiteOfferIds.length).toBeGreaterThan(0);
      for (const id of addOn.prerequisiteOfferIds) expect(byId.get(id)?.isAddOn).toBe(false);
    }
  });

  it('has unique offer ids and SKUs, and a minimum no higher than the maximum', () => {
    const ids = offers().map((offer) => offer.id);
    const skus = offers().map((offer) => offer.sku);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(skus).size).toBe(skus.length);
    for (const offer of offers()) expect(offer.minQuantity).toBeLessThanOrEqual(offer.maxQuantity);
  });

  it.each(['Microsoft 365', 'Dynamics 365', 'Azure'])('offers %s', (family) => {
    expect(offers().some((offer) => offer.productFamily === family)).toBe(true);
  });

  it.each(['IN', 'BR'])(
    'holds back some offers in %s, so the country rule has something to refuse',
    (country) => {
      expect(offers().filter((offer) => isSoldIn(offer, country)).length).toBeLessThan(offers().length);
    },
  );

  it('sells Microsoft 365 Business Premium up to 300 licences and the Azure plan once', () => {
    const byId = new Map(offers().map((offer) => [offer.id, offer]));
    expect(byId.get('m365-business-premium')?.maxQuantity).toBe(300);
    expect(byId.get('azure-plan')).toMatchObject({ minQuantity: 1, maxQuantity: 1 });
  });

  it('ranks the most sold worldwide and in several countries', () => {
    const rankedIn = new Set(offers().flatMap((offer) => Object.keys(offer.salesRank)));
    expect([...rankedIn]).toEqual(expect.arrayContaining(['*', 'NL', 'US', 'GB', 'DE', 'IN', 'BR']));
  });
});

describe('loading a catalogue file', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'offer-catalogue-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const baseOffer = {
    id: 'o365-e1',
    name: 'Office 365 E1',
    productFamily: 'Microsoft 365',
    sku: 'CFQ7TTC0LF8R:0001',
    description: 'Web apps and mail.',
    minQuantity: 1,
    maxQuantity: 300,
    terms: ['P1M', 'P1Y'],
    billingCycles: ['monthly', 'annual'],
    countries: ['*'],
    isAddOn: false,
    prerequisiteOfferIds: [],
  };
  const addOn = {
    ...baseOffer,
    id: 'teams-phone-standard',
    name: 'Teams Phone Standard',
    sku: 'CFQ7TTC0MQ5L:0001',
    isAddOn: true,
    prerequisiteOfferIds: ['o365-e1'],
  };
  const file = (offers: unknown[], extra: object = {}) => ({
    version: 3,
    sampleData: true,
    offers,
    ...extra,
  });

  async function write(name: string, content: unknown): Promise<string> {
    const filePath = path.join(directory, name);
    await writeFile(filePath, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return filePath;
  }

  it('accepts a well-formed file and returns the sha256 of its bytes', async () => {
    const filePath = await write('good.json', file([baseOffer, addOn]));
    const loaded = await loadOfferCatalogue(filePath);
    expect(loaded.data.offers).toHaveLength(2);
    expect(loaded.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash for the same bytes and a new one when the file changes', async () => {
    const first = await loadOfferCatalogue(await write('a.json', file([baseOffer])));
    const same = await loadOfferCatalogue(await write('b.json', file([baseOffer])));
    const changed = await loadOfferCatalogue(await write('c.json', file([baseOffer], { version: 4 })));
    expect(same.contentHash).toBe(first.contentHash);
    expect(changed.contentHash).not.toBe(first.contentHash);
  });

  it.each([
    [
      'a maximum below the minimum',
      file([{ ...baseOffer, minQuantity: 10, maxQuantity: 5 }]),
      /maxQuantity \(5\) is below minQuantity \(10\)/,
    ],
    [
      'a prerequisite that does not exist',
      file([{ ...addOn, prerequisiteOfferIds: ['o365-e9'] }]),
      /no offer has the id "o365-e9"/,
    ],
    ['the same offer id twice', file([baseOffer, baseOffer]), /offer id "o365-e1" is used twice/],
    [
      'an add-on without base offers',
      file([{ ...addOn, prerequisiteOfferIds: [] }]),
      /an add-on needs at least one base offer/,
    ],
    ['a misspelt field', file([{ ...baseOffer, maxQuantiy: 5 }]), /maxQuantiy/],
    ['"UK" as a country', file([{ ...baseOffer, countries: ['UK'] }]), /"GB"/],
    ['a term outside P1M, P1Y, P3Y', file([{ ...baseOffer, terms: ['P2Y'] }]), /terms/],
    [
      'a billing cycle no term allows',
      file([{ ...baseOffer, terms: ['P1M'], billingCycles: ['monthly', 'annual'] }]),
      /billed annual/,
    ],
    ['a quantity that is not whole', file([{ ...baseOffer, maxQuantity: 2.5 }]), /maxQuantity/],
    [
      'an offer id with a "." (it would break the form paths offers.<id>.quantity)',
      file([{ ...baseOffer, id: 'o365.e1' }]),
      /offer id cannot contain "\."/,
    ],
    [
      'a term none of its billing cycles fits',
      file([{ ...baseOffer, terms: ['P1M', 'P1Y'], billingCycles: ['annual'] }]),
      /no billing cycle of this offer fits the term P1M/,
    ],
    ['no version', { sampleData: true, offers: [baseOffer] }, /version/],
    ["a SKU not in Partner Center's form", file([{ ...baseOffer, sku: 'E1-OFFICE' }]), /CFQ7TTC0LCHC:0002/],
    [
      'the same SKU twice',
      file([baseOffer, { ...addOn, sku: baseOffer.sku }]),
      /SKU "CFQ7TTC0LF8R:0001" is used twice/,
    ],
    [
      'a sales rank in a country the offer is not sold in',
      file([{ ...baseOffer, countries: ['NL'], salesRank: { US: 1 } }]),
      /not sold in US, so it cannot rank there/,
    ],
    [
      'two offers at the same sales rank in a country',
      file([
        { ...baseOffer, salesRank: { NL: 1 } },
        { ...addOn, salesRank: { NL: 1 } },
      ]),
      /sales rank "NL 1" is used twice/,
    ],
    ['a sales rank that is not a place', file([{ ...baseOffer, salesRank: { NL: 0 } }]), /salesRank/],
  ])('refuses a file with %s, naming the problem', async (_case, content, problem) => {
    const filePath = await write('bad.json', content);
    const attempt = loadOfferCatalogue(filePath);
    await expect(attempt).rejects.toBeInstanceOf(CatalogueFileError);
    await expect(attempt).rejects.toThrow(problem);
  });

  it('refuses an offer id with a "." also when an offer is read back from the store', () => {
    const result = OfferSchema.safeParse({ ...baseOffer, id: 'o365.e1' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContainEqual(
      expect.stringMatching(/offer id cannot contain "\."/),
    );
  });

  it('refuses a file that is not JSON, naming the file', async () => {
    const filePath = await write('broken.json', '{ "version": 1, ');
    await expect(loadOfferCatalogue(filePath)).rejects.toThrow(/broken\.json[\s\S]*not valid JSON/);
  });

  it('refuses a file that is not there', async () => {
    await expect(loadOfferCatalogue(path.join(directory, 'missing.json'))).rejects.toBeInstanceOf(
      CatalogueFileError,
    );
  });
});

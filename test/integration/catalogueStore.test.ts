import type { Database } from '@azure/cosmos';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SqlQuerySpec } from '@azure/cosmos';
import {
  catalogueContainers,
  OFFER_DOCUMENT_LAYOUT,
  offerSortKey,
  StoredCatalogueError,
  type CatalogueContainers,
} from '../../services/catalogue/catalogueDocuments';
import { isSoldIn } from '../../services/catalogue/offerAvailability';
import { OFFER_PAGE_SIZE, type OfferPage } from '../../services/catalogue/offerSearch';
import { CatalogueStore } from '../../services/catalogue/catalogueStore';
import { readCatalogueVersion } from '../../services/catalogue/catalogueSync';
import { validateResellerChoice } from '../../services/catalogue/resellerChoice';
import {
  defaultCataloguePaths,
  loadCatalogue,
  type CataloguePaths,
} from '../../services/catalogue/loadCatalogue';
import type { OfferCatalogueFile, ResellerCatalogueFile } from '../../services/catalogue/schemas';
import { ensureContainers } from '../../services/cosmos/containers';
import { createCosmosAccess, type CosmosAccess } from '../../services/cosmos/cosmosClientFactory';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';

describe('the offer and reseller catalogues in Cosmos DB', () => {
  let cosmos: EmbeddedCosmos;
  let access: CosmosAccess;
  let workDir: string;
  let offerFile: OfferCatalogueFile;
  let resellerFile: ResellerCatalogueFile;
  let databaseCount = 0;

  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos();
    access = createCosmosAccess({ endpoint: cosmos.endpoint, key: 'any' });
    workDir = await mkdtemp(path.join(tmpdir(), 'catalogue-store-'));
    const files = defaultCataloguePaths();
    offerFile = JSON.parse(await readFile(files.offers, 'utf8')) as OfferCatalogueFile;
    resellerFile = JSON.parse(await readFile(files.resellers, 'utf8')) as ResellerCatalogueFile;
  });
  afterAll(async () => {
    access.dispose();
    await cosmos.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  /** Each test gets a database of its own, so none sees another's loads. */
  async function freshDatabase(): Promise<{ database: Database; containers: CatalogueContainers }> {
    databaseCount += 1;
    const { database } = await access.client.databases.createIfNotExists({
      id: `catalogue-${databaseCount}`,
    });
    await ensureContainers(database);
    return { database, containers: catalogueContainers(database) };
  }

  async function writeCopy(name: string, content: object): Promise<string> {
    const file = path.join(workDir, `${databaseCount}-${name}`);
    await writeFile(file, `${JSON.stringify(content, null, 2)}\n`);
    return file;
  }

  const at = (iso: string) => () => new Date(iso);

  async function loadedStore(paths: CataloguePaths = {}) {
    const { database, containers } = await freshDatabase();
    const store = new CatalogueStore(containers);
    const sync = await store.sync(await loadCatalogue(paths), { now: at('2025-07-01T08:00:00.000Z') });
    return { database, containers, store, sync };
  }

  it('loads every offer and reseller on the first start and records each file version last', async () => {
    const { containers, store, sync } = await loadedStore();
    const catalogue = await loadCatalogue();

    expect(sync.offers).toMatchObject({ changed: true, upserted: offerFile.offers.length, deleted: 0 });
    expect(sync.resellers).toMatchObject({
      changed: true,
      upserted: resellerFile.resellers.length,
      deleted: 0,
    });
    expect((await storedOfferIds(containers)).sort()).toEqual(
      offerFile.offers.map((offer) => offer.id).sort(),
    );
    expect(await readCatalogueVersion(containers.versions, 'offers')).toEqual({
      id: 'offers',
      version: offerFile.version,
      contentHash: catalogue.offers.contentHash,
      loadedAt: '2025-07-01T08:00:00.000Z',
      itemCount: offerFile.offers.length,
      layout: OFFER_DOCUMENT_LAYOUT,
    });
    const { resource: offer } = await containers.offers.item('m365-business-basic', 'offers').read();
    expect(offer).toMatchObject({
      catalogue: 'offers',
      searchText: expect.stringMatching(
        /^microsoft 365 business basic microsoft 365 cfq7ttc0[0-9a-z]{4} 0001$/,
      ),
      sortKey: '00003!microsoft_365_business_basic!m365-business-basic',
      rankedIn: ['*', 'NL', 'GB', 'IN', 'BR'],
    });
    expect(await readCatalogueVersion(containers.versions, 'resellers')).toMatchObject({
      contentHash: catalogue.resellers.contentHash,
      itemCount: resellerFile.resellers.length,
    });

    const { resource: stored } = await containers.resellers
      .item('societe-generale-de-logiciels', 'resellers')
      .read();
    expect(stored).toMatchObject({ catalogue: 'resellers', nameKey: 'societe generale de logiciels' });
    expect(await store.reseller('societe-generale-de-logiciels')).toEqual(
      resellerFile.resellers.find((reseller) => reseller.id === 'societe-generale-de-logiciels'),
    );
  });

  it('writes nothing when the files have not changed since the last start', async () => {
    const { containers } = await loadedStore();
    const upserts = [
      jest.spyOn(containers.offers.items, 'upsert'),
      jest.spyOn(containers.offers.items, 'batch'),
      jest.spyOn(containers.resellers.items, 'upsert'),
      jest.spyOn(containers.resellers.items, 'batch'),
      jest.spyOn(containers.versions.items, 'upsert'),
    ];

    const again = await new CatalogueStore(containers).sync(await loadCatalogue(), {
      now: at('2025-07-02T08:00:00.000Z'),
    });

    expect(again.offers).toMatchObject({ changed: false, upserted: 0, deleted: 0 });
    expect(again.resellers).toMatchObject({ changed: false, upserted: 0, deleted: 0 });
    for (const upsert of upserts) expect(upsert).not.toHaveBeenCalled();
    expect(await readCatalogueVersion(containers.versions, 'offers')).toMatchObject({
      loadedAt: '2025-07-01T08:00:00.000Z',
    });
  });

  it('reloads a changed file: an offer taken out of it is gone and the new version is recorded', async () => {
    const { containers, store } = await loadedStore();
    expect(await store.offersByIds(['project-online-essentials'])).toHaveLength(1);
    const offers = await writeCopy('offers.json', {
      ...offerFile,
      version: 2,
      offers: offerFile.offers.filter((offer) => offer.id !== 'project-online-essentials'),
    });
    const changed = await loadCatalogue({ offers });

    const sync = await store.sync(changed, { now: at('2025-07-02T08:00:00.000Z') });

    expect(sync.offers).toMatchObject({ changed: true, deleted: 1, upserted: offerFile.offers.length - 1 });
    expect(sync.resellers).toMatchObject({ changed: false, upserted: 0 });
    expect(await store.offersByIds(['project-online-essentials'])).toEqual([]);
    expect(await store.findOffers({ country: 'NL', query: 'project online essentials' })).not.toMatchObject({
      offers: expect.arrayContaining([expect.objectContaining({ id: 'project-online-essentials' })]),
    });
    expect(await storedOfferIds(containers)).toHaveLength(offerFile.offers.length - 1);
    expect(await readCatalogueVersion(containers.versions, 'offers')).toEqual({
      id: 'offers',
      version: 2,
      contentHash: changed.offers.contentHash,
      loadedAt: '2025-07-02T08:00:00.000Z',
      itemCount: offerFile.offers.length - 1,
      layout: OFFER_DOCUMENT_LAYOUT,
    });
  });

  it('loads again at the next start when a load stopped half-way', async () => {
    const { containers } = await freshDatabase();
    const batch = containers.offers.items.batch.bind(containers.offers.items);
    let written = 0;
    const spy = jest.spyOn(containers.offers.items, 'batch').mockImplementation((...args) => {
      written += 1;
      if (written > 2) return Promise.reject(new Error('the process was stopped'));
      return batch(...args);
    });
    await expect(new CatalogueStore(containers).sync(await loadCatalogue())).rejects.toThrow(
      'the process was stopped',
    );
    expect(await readCatalogueVersion(containers.versions, 'offers')).toBeUndefined();
    spy.mockRestore();

    const store = new CatalogueStore(containers);
    const sync = await store.sync(await loadCatalogue());

    expect(sync.offers).toMatchObject({ changed: true, upserted: offerFile.offers.length });
    expect(await storedOfferIds(containers)).toHaveLength(offerFile.offers.length);
    expect(await readCatalogueVersion(containers.versions, 'offers')).toMatchObject({
      itemCount: offerFile.offers.length,
    });
  });

  it('loads an MPN ID that moved from one reseller to another without breaking the unique key', async () => {
    const { store } = await loadedStore();
    const mpnOf = (id: string) => resellerFile.resellers.find((reseller) => reseller.id === id)!.mpnId;
    const swapped = new Map([
      ['litware-consulting', mpnOf('lamna-healthcare-it')],
      ['lamna-healthcare-it', mpnOf('litware-consulting')],
    ]);
    const resellers = await writeCopy('resellers.json', {
      ...resellerFile,
      version: 2,
      resellers: resellerFile.resellers.map((reseller) => ({
        ...reseller,
        mpnId: swapped.get(reseller.id) ?? reseller.mpnId,
      })),
    });

    const sync = await store.sync(await loadCatalogue({ resellers }));

    expect(sync.resellers).toMatchObject({ changed: true, deleted: 0 });
    expect((await store.reseller('litware-consulting'))?.mpnId).toBe(mpnOf('lamna-healthcare-it'));
    expect((await store.reseller('lamna-healthcare-it'))?.mpnId).toBe(mpnOf('litware-consulting'));
  });

  describe('once loaded', () => {
    let store: CatalogueStore;

    beforeAll(async () => {
      ({ store } = await loadedStore());
    });

    const names = (resellers: { name: string }[]) => resellers.map((reseller) => reseller.name);

    it.each([
      ['part of a name', 'traders', ['Northwind Traders Solutions']],
      ['a name in capitals', 'WORLD IMPORTERS', ['Wide World Importers Cloud']],
      ['a name typed without its diacritics', 'societe', ['Société Générale de Logiciels']],
      ['a name typed with its diacritics', 'Générale', ['Société Générale de Logiciels']],
      ['the start of an MPN ID', '4120', ['Fourth Coffee IT Services', 'Northwind Traders Solutions']],
      ['a whole MPN ID', '4987705', ['Société Générale de Logiciels']],
      ['the name of an inactive reseller, which it leaves out', 'tailspin', []],
      ['the MPN ID of an inactive reseller, which it leaves out', '812345', []],
      ['a name nobody has', 'contoso', []],
    ])('finds active resellers by %s', async (_case, query, expected) => {
      expect(names(await store.searchResellers(query))).toEqual(expected);
    });

    it('returns no more resellers than the limit', async () => {
      expect(await store.searchResellers('', { limit: 3 })).toHaveLength(3);
      expect(await store.searchResellers('')).toHaveLength(
        resellerFile.resellers.filter((reseller) => reseller.relationshipState === 'active').length,
      );
      await expect(store.searchResellers('a', { limit: 0 })).rejects.toThrow();
    });

    it('finds only resellers that sell in the country, or list no countries', async () => {
      expect(names(await store.searchResellers('', { country: 'fr' }))).toEqual([
        'Société Générale de Logiciels',
        'Wide World Importers Cloud',
      ]);
    });

    it('lists the active resellers by name, without inactive ones', async () => {
      const active = await store.activeResellers();
      expect(names(active)).toEqual(
        resellerFile.resellers
          .filter((reseller) => reseller.relationshipState === 'active')
          .map((reseller) => reseller.name)
          .sort((a, b) => a.localeCompare(b, 'en')),
      );
      expect(names(await store.activeResellers({ country: 'US' }))).toEqual([
        'Fourth Coffee IT Services',
        'Lamna Healthcare IT',
        'Wide World Importers Cloud',
      ]);
    });

    it.each([
      ['NL', ['Adventure Works Cloud Partners', 'Wide World Importers Cloud']],
      ['nl', ['Adventure Works Cloud Partners', 'Wide World Importers Cloud']],
      ['GB', ['Northwind Traders Solutions', 'Wide World Importers Cloud']],
      ['DE', ['Litware Consulting', 'Wide World Importers Cloud']],
      ['US', ['Fourth Coffee IT Services', 'Lamna Healthcare IT', 'Wide World Importers Cloud']],
    ])('lists only the resellers active in %s', async (country, expected) => {
      expect(names(await store.activeResellers({ country }))).toEqual(expected);
      expect(names(await store.searchResellers('', { country }))).toEqual(expected);
    });

    it('searches only among the resellers active in the customer country', async () => {
      expect(names(await store.searchResellers('cloud', { country: 'NL' }))).toEqual([
        'Adventure Works Cloud Partners',
        'Wide World Importers Cloud',
      ]);
      expect(names(await store.searchResellers('cloud', { country: 'US' }))).toEqual([
        'Wide World Importers Cloud',
      ]);
      expect(names(await store.searchResellers('4120', { country: 'GB', limit: 5 }))).toEqual([
        'Northwind Traders Solutions',
      ]);
      expect(names(await store.searchResellers('societe', { country: 'DE' }))).toEqual([]);
      expect(names(await store.searchResellers('proseware', { country: 'NL' }))).toEqual([]);
    });

    it.each([
      ['adventure-works-cloud-partners', 'NL', true],
      ['wide-world-importers-cloud', 'DE', true],
      ['fourth-coffee-it-services', 'NL', 'reseller.notInCountry'],
      ['societe-generale-de-logiciels', 'GB', 'reseller.notInCountry'],
      ['proseware-systems', 'NL', 'reseller.inactive'],
    ])('lets %s be chosen for a customer in %s: %s', async (id, country, outcome) => {
      const found = await store.reseller(id);
      const result = validateResellerChoice(found ? [found] : [], id, { country });
      if (outcome === true) expect(result).toMatchObject({ ok: true, value: { id } });
      else expect(result).toMatchObject({ ok: false, errors: [{ field: 'resellerId', key: outcome }] });
    });

    it('reads one reseller by id, an inactive one too, and nothing for an unknown or malformed id', async () => {
      expect(await store.reseller('tailspin-toys-digital')).toMatchObject({ relationshipState: 'inactive' });
      expect(await store.reseller('contoso')).toBeUndefined();
      expect(await store.reseller('../offers')).toBeUndefined();
    });

    it('reloads the offers when the layout of their stored items changed, though the file did not', async () => {
      const { containers: own, store: fresh } = await loadedStore();
      const version = await readCatalogueVersion(own.versions, 'offers');
      await own.versions.items.upsert({ ...version, layout: OFFER_DOCUMENT_LAYOUT - 1 });
      const sync = await fresh.sync(await loadCatalogue());
      expect(sync.offers).toMatchObject({ changed: true, upserted: offerFile.offers.length });
      expect(sync.resellers).toMatchObject({ changed: false });
    });
  });

  describe('finding offers, in Cosmos DB', () => {
    let store: CatalogueStore;
    let containers: CatalogueContainers;

    beforeAll(async () => {
      ({ store, containers } = await loadedStore());
    });

    const ids = (page: OfferPage) => page.offers.map((offer) => offer.id);
    const soldIn = (country: string) => offerFile.offers.filter((offer) => isSoldIn(offer, country));

    /** Every page of a search, following More to the end. */
    async function allPages(country: string, query: string): Promise<OfferPage[]> {
      const pages: OfferPage[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.findOffers({ country, query, ...(cursor ? { cursor } : {}) });
        pages.push(page);
        cursor = page.next;
      } while (cursor && pages.length < 200);
      return pages;
    }

    it.each([
      ['part of a name', 'business prem', 'm365-business-premium'],
      ['words in any order, any case', 'E3 OFFICE', 'o365-e3'],
      ['a product family', 'dynamics 365 sales', 'dynamics-365-sales-enterprise'],
      ['a whole SKU', undefined, 'teams-phone-standard'],
      ['part of a SKU', 'sku-part', 'azure-plan'],
      ['a name typed with other punctuation', 'exchange online (plan-1)', 'exchange-online-plan-1'],
    ])('finds an offer by %s', async (_case, query, offerId) => {
      const offer = offerFile.offers.find((candidate) => candidate.id === offerId)!;
      const typed = query === undefined ? offer.sku : query === 'sku-part' ? offer.sku.slice(8, 15) : query;
      const found = (await allPages('NL', typed)).flatMap(ids);
      expect(found).toContain(offerId);
      if (query === undefined) expect(found).toEqual([offerId]);
    });

    it('pages through every match once, the most sold worldwide first, then by name', async () => {
      const pages = await allPages('NL', 'microsoft 365');
      const found = pages.flatMap(ids);
      const expected = soldIn('NL')
        .filter((offer) => /microsoft 365/i.test(`${offer.name} ${offer.productFamily}`))
        .sort((a, b) => (offerSortKey(a) < offerSortKey(b) ? -1 : 1))
        .map((offer) => offer.id);
      expect(found).toEqual(expected);
      expect(found.length).toBeGreaterThan(100);
      expect(pages.slice(0, -1).every((page) => page.offers.length === OFFER_PAGE_SIZE)).toBe(true);
      expect(pages.at(-1)!.next).toBeUndefined();
      expect(found.slice(0, 3)).toEqual([
        'm365-business-premium',
        'm365-business-standard',
        'm365-business-basic',
      ]);
    });

    it("leaves out offers not sold in the customer's country", async () => {
      const japan = (await allPages('JP', 'dynamics 365')).flatMap(ids);
      expect(japan).toContain('dynamics-365-sales-enterprise');
      expect(japan).not.toContain('dynamics-365-business-central-essentials');
      const iceland = (await allPages('is', 'dynamics 365')).flatMap(ids);
      expect(iceland).toContain('dynamics-365-business-central-essentials');
      expect(iceland).not.toContain('dynamics-365-sales-enterprise');
      expect((await allPages('NL', 'calling plan')).flatMap(ids)).not.toContain(
        'teams-domestic-calling-plan-gb',
      );
    });

    it('finds nothing for words no offer has', async () => {
      expect(await store.findOffers({ country: 'NL', query: 'zzqx' })).toEqual({ offers: [] });
    });

    it('lists the most sold in the country first, then the most sold worldwide, before any search', async () => {
      const pages = await allPages('NL', '');
      const found = pages.flatMap(ids);
      const rankedHere = soldIn('NL').filter((offer) => offer.salesRank.NL !== undefined);
      expect(found.slice(0, rankedHere.length)).toEqual(
        rankedHere.sort((a, b) => a.salesRank.NL! - b.salesRank.NL!).map((offer) => offer.id),
      );
      expect(found.slice(0, 5)).toEqual([
        'm365-business-premium',
        'm365-business-standard',
        'm365-business-basic',
        'teams-phone-standard',
        'o365-e3',
      ]);
      const rankedAnywhere = soldIn('NL').filter((offer) =>
        Object.keys(offer.salesRank).some((c) => c === 'NL' || c === '*'),
      );
      expect([...found].sort()).toEqual(rankedAnywhere.map((offer) => offer.id).sort());
      expect(new Set(found).size).toBe(found.length);
    });

    it('lists the most sold worldwide for a country without a ranking of its own', async () => {
      const france = (await allPages('FR', '')).flatMap(ids);
      const worldwide = soldIn('FR')
        .filter((offer) => offer.salesRank['*'] !== undefined)
        .sort((a, b) => a.salesRank['*']! - b.salesRank['*']!)
        .map((offer) => offer.id);
      expect(france).toEqual(worldwide);
    });

    it('reads offers by id with the base offers of their add-ons, leaving out unknown and malformed ids', async () => {
      const found = (
        await store.offersByIds(['teams-phone-standard', 'no-such-offer', '../x', 'o365-e3'])
      ).map((offer) => offer.id);
      const teamsPhone = offerFile.offers.find((offer) => offer.id === 'teams-phone-standard')!;
      expect(found.sort()).toEqual(
        [...new Set(['teams-phone-standard', 'o365-e3', ...teamsPhone.prerequisiteOfferIds])].sort(),
      );
      expect(await store.offersByIds([])).toEqual([]);
    });

    it('reads a hundred ids and more in groups', async () => {
      const every = offerFile.offers.map((offer) => offer.id);
      expect((await store.offersByIds(every)).map((offer) => offer.id).sort()).toEqual([...every].sort());
    });

    it('asks Cosmos DB with parameterised queries, a query asked again answered from memory: what was typed is never part of the query text', async () => {
      const fresh = new CatalogueStore(containers);
      const query = jest.spyOn(containers.offers.items, 'query');
      try {
        const typed = "e3' OR 1=1 --";
        await fresh.findOffers({ country: 'NL', query: typed });
        await fresh.findOffers({ country: 'NL', query: typed });
        await fresh.findOffers({ country: 'NL', query: '' });
        await fresh.offersByIds(['o365-e3']);
        expect(query).toHaveBeenCalledTimes(3);
        for (const [spec] of query.mock.calls) {
          const { query: text, parameters } = spec as SqlQuerySpec;
          expect(text).not.toMatch(/e3|OR 1=1|NL|o365/);
          expect(parameters?.length).toBeGreaterThan(0);
        }
      } finally {
        query.mockRestore();
      }
    });

    it('sees a change in the store in a fresh instance at once, and in this one after its next sync', async () => {
      expect((await store.offersByIds(['power-bi-pro']))[0]?.name).toBe('Power BI Pro');
      const { resource } = await containers.offers.item('power-bi-pro', 'offers').read();
      await containers.offers.items.upsert({ ...resource, name: 'Power BI Pro (renamed)' });
      try {
        expect((await new CatalogueStore(containers).offersByIds(['power-bi-pro']))[0]?.name).toBe(
          'Power BI Pro (renamed)',
        );
        expect((await store.offersByIds(['power-bi-pro']))[0]?.name).toBe('Power BI Pro');
        await store.sync(await loadCatalogue());
        expect((await store.offersByIds(['power-bi-pro']))[0]?.name).toBe('Power BI Pro (renamed)');
      } finally {
        await containers.offers.items.upsert(resource);
      }
    });

    it('hands out copies of what it keeps', async () => {
      const first = await store.offersByIds(['o365-e3']);
      first.length = 0;
      expect((await store.offersByIds(['o365-e3'])).map((offer) => offer.id)).toEqual(['o365-e3']);
    });
  });

  it('refuses an offer stored in the database that breaks the offer schema, naming it', async () => {
    const { containers } = await freshDatabase();
    await containers.offers.items.upsert({ id: 'broken-offer', catalogue: 'offers', name: 'Broken' });
    const offers = new CatalogueStore(containers).offersByIds(['broken-offer']);
    await expect(offers).rejects.toThrow(StoredCatalogueError);
    await expect(offers).rejects.toThrow(/offer "broken-offer" is not valid/);
  });
});

/** The ids of every offer stored. */
async function storedOfferIds(containers: CatalogueContainers): Promise<string[]> {
  const { resources } = await containers.offers.items
    .query<string>('SELECT VALUE c.id FROM c WHERE c.catalogue = "offers"')
    .fetchAll();
  return resources;
}

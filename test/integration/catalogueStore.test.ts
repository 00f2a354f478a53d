import type { Database } from '@azure/cosmos';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  catalogueContainers,
  StoredCatalogueError,
  type CatalogueContainers,
} from '../../services/catalogue/catalogueDocuments';
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
    expect((await store.offers()).map((offer) => offer.id).sort()).toEqual(
      offerFile.offers.map((offer) => offer.id).sort(),
    );
    expect(await readCatalogueVersion(containers.versions, 'offers')).toEqual({
      id: 'offers',
      version: offerFile.version,
      contentHash: catalogue.offers.contentHash,
      loadedAt: '2025-07-01T08:00:00.000Z',
      itemCount: offerFile.offers.length,
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
      jest.spyOn(containers.resellers.items, 'upsert'),
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
    expect(await store.offer('power-bi-pro')).toBeDefined();
    const offers = await writeCopy('offers.json', {
      ...offerFile,
      version: 2,
      offers: offerFile.offers.filter((offer) => offer.id !== 'power-bi-pro'),
    });
    const changed = await loadCatalogue({ offers });

    const sync = await store.sync(changed, { now: at('2025-07-02T08:00:00.000Z') });

    expect(sync.offers).toMatchObject({ changed: true, deleted: 1, upserted: offerFile.offers.length - 1 });
    expect(sync.resellers).toMatchObject({ changed: false, upserted: 0 });
    expect(await store.offer('power-bi-pro')).toBeUndefined();
    expect(await new CatalogueStore(containers).offer('power-bi-pro')).toBeUndefined();
    expect(await store.offers()).toHaveLength(offerFile.offers.length - 1);
    expect(await readCatalogueVersion(containers.versions, 'offers')).toEqual({
      id: 'offers',
      version: 2,
      contentHash: changed.offers.contentHash,
      loadedAt: '2025-07-02T08:00:00.000Z',
      itemCount: offerFile.offers.length - 1,
    });
  });

  it('loads again at the next start when a load stopped half-way', async () => {
    const { containers } = await freshDatabase();
    const upsert = containers.offers.items.upsert.bind(containers.offers.items);
    let written = 0;
    const spy = jest.spyOn(containers.offers.items, 'upsert').mockImplementation((...args) => {
      written += 1;
      if (written > 5) return Promise.reject(new Error('the process was stopped'));
      return upsert(...args);
    });
    await expect(new CatalogueStore(containers).sync(await loadCatalogue())).rejects.toThrow(
      'the process was stopped',
    );
    expect(await readCatalogueVersion(containers.versions, 'offers')).toBeUndefined();
    spy.mockRestore();

    const store = new CatalogueStore(containers);
    const sync = await store.sync(await loadCatalogue());

    expect(sync.offers).toMatchObject({ changed: true, upserted: offerFile.offers.length });
    expect(await store.offers()).toHaveLength(offerFile.offers.length);
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
    let containers: CatalogueContainers;

    beforeAll(async () => {
      ({ store, containers } = await loadedStore());
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

    it('offers for a country leave out offers not sold there', async () => {
      const japan = (await store.offersForCountry('JP')).map((offer) => offer.id);
      expect(japan).toContain('dynamics-365-sales-enterprise');
      expect(japan).toContain('m365-business-premium');
      expect(japan).not.toContain('dynamics-365-business-central-essentials');
      const iceland = (await store.offersForCountry('is')).map((offer) => offer.id);
      expect(iceland).toContain('dynamics-365-business-central-essentials');
      expect(iceland).not.toContain('dynamics-365-sales-enterprise');
    });

    it('keeps the offers in memory after the first read, so a turn costs no database request', async () => {
      const fresh = new CatalogueStore(containers);
      const query = jest.spyOn(containers.offers.items, 'query');
      const read = jest.spyOn(containers.offers, 'item');
      try {
        const [first, second] = await Promise.all([fresh.offers(), fresh.offers()]);
        expect(second).toBe(first);
        expect(query).toHaveBeenCalledTimes(1);
        await fresh.offers();
        await fresh.offersForCountry('NL');
        expect(await fresh.offer('azure-plan')).toMatchObject({ name: expect.any(String) });
        expect(query).toHaveBeenCalledTimes(1);
        expect(read).not.toHaveBeenCalled();
        expect(Object.isFrozen(first[0])).toBe(true);
      } finally {
        query.mockRestore();
        read.mockRestore();
      }
    });
  });

  it('refuses an offer stored in the database that breaks the offer schema, naming it', async () => {
    const { containers } = await freshDatabase();
    await containers.offers.items.upsert({ id: 'broken-offer', catalogue: 'offers', name: 'Broken' });
    const offers = new CatalogueStore(containers).offers();
    await expect(offers).rejects.toThrow(StoredCatalogueError);
    await expect(offers).rejects.toThrow(/offer "broken-offer" is not valid/);
  });
});

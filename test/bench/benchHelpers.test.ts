import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkDomainPrefix } from '../../services/customers/domainPrefix';
import { checkLegalName } from '../../services/customers/legalName';
import { classify, difference, emptyTally, record } from './cosmosRequests';
import { benchCompany } from './onboardingScript';
import { parseOptions } from './options';
import { percentile, summarise } from './percentiles';
import { writeReport } from './reportFile';

// The benchmark's helpers; the benchmark itself (npm run bench) reports figures and asserts no time.

describe('benchmark helpers', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(summarise([3, 1, 2])).toMatchObject({ count: 3, p50: 2, max: 3, mean: 2 });
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });

  it('tells Cosmos DB requests apart by method, path and headers', () => {
    const headers = (values: Record<string, string>) => (name: string) => values[name];
    const docs = '/dbs/onboarding/colls/botState/docs';
    expect(classify({ method: 'GET', url: `${docs}/abc`, header: headers({}) })).toEqual({
      kind: 'pointRead',
      container: 'botState',
    });
    expect(
      classify({ method: 'POST', url: docs, header: headers({ 'x-ms-documentdb-is-upsert': 'true' }) }).kind,
    ).toBe('upsert');
    expect(
      classify({ method: 'POST', url: docs, header: headers({ 'x-ms-documentdb-isquery': 'True' }) }).kind,
    ).toBe('query');
    expect(
      classify({
        method: 'POST',
        url: docs,
        header: headers({ 'x-ms-cosmos-is-query-plan-request': 'True' }),
      }).kind,
    ).toBe('queryPlan');
    expect(classify({ method: 'POST', url: docs, header: headers({}) }).kind).toBe('create');
    expect(classify({ method: 'PUT', url: `${docs}/abc`, header: headers({}) }).kind).toBe('replace');
    expect(classify({ method: 'GET', url: '/dbs/onboarding/colls/botState', header: headers({}) })).toEqual({
      kind: 'metadata',
      container: 'botState',
    });
    expect(classify({ method: 'GET', url: '/', header: headers({}) }).container).toBe('-');
  });

  it('counts and subtracts tallies', () => {
    const before = emptyTally();
    const after = emptyTally();
    const read = { method: 'GET', url: '/dbs/d/colls/c/docs/x', header: () => undefined, status: 404 };
    record(after, { ...read, requestCharge: 1 });
    record(after, { ...read, status: 200, requestCharge: 1, bytesSent: 0 });
    const change = difference(after, before);
    expect(change).toMatchObject({ requests: 2, requestCharge: 2, byContainer: { 'c.pointRead': 2 } });
    expect(change.byStatus).toEqual({ '404': 1, '200': 1 });
  });

  it('adds customers the rules accept, each with its own name and domain', () => {
    const first = benchCompany('k3x9a', 1);
    const second = benchCompany('k3x9a', 2);
    expect(first.legalName).toBe('Bench Company k3x9a 0001 B.V.');
    expect(checkLegalName(first.legalName).ok).toBe(true);
    expect(checkDomainPrefix(first.domainPrefix).ok).toBe(true);
    expect(checkDomainPrefix(benchCompany('zzzzz', 999_999).domainPrefix).ok).toBe(true);
    expect(second.domainPrefix).not.toBe(first.domainPrefix);
  });

  it('reads options from argv and the environment', () => {
    expect(parseOptions([], {})).toMatchObject({
      agents: 50,
      sweep: [1, 10, 25, 50],
      inFlight: 1000,
      report: true,
    });
    expect(parseOptions(['--agents', '40', '--sweep=1,5'], {}).sweep).toEqual([1, 5, 40]);
    expect(parseOptions(['--no-memory'], { BENCH_PROFILE: '0' })).toMatchObject({
      inFlight: 0,
      profile: false,
    });
    expect(parseOptions([], { BENCH_AGENTS: '7' }).agents).toBe(7);
    expect(() => parseOptions(['--agents', 'many'], {})).toThrow(/--agents/);
    expect(() => parseOptions(['--fast'], {})).toThrow(/Unknown option/);
  });

  it('replaces its own section of the report and keeps the others', async () => {
    // Prettier (which aligns the tables) loads ESM parts that jest cannot import: leave the text as it is.
    const asIs = async (text: string) => text;
    const folder = await mkdtemp(path.join(os.tmpdir(), 'bench-report-'));
    const file = path.join(folder, 'benchmarks.md');
    try {
      await writeFile(file, '# Benchmarks\n\nold intro\n\n## Baseline\n\nbefore\n\n## After\n\nafter\n');
      await writeReport(file, 'Baseline', '## Baseline\n\nnew figures\n', '# Benchmarks\n\nintro', asIs);
      const text = await readFile(file, 'utf8');
      expect(text).toBe('# Benchmarks\n\nintro\n\n## Baseline\n\nnew figures\n\n## After\n\nafter\n');
      await writeReport(file, 'Latest run', '## Latest run\n\nmore\n', '# Benchmarks\n\nintro', asIs);
      expect(await readFile(file, 'utf8')).toMatch(/## After\n\nafter\n\n## Latest run\n\nmore\n$/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

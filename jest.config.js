/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // Most suites wait (browsers, bot processes, the store's fsync) more than they compute: two workers
  // on a two-core machine take the suite from about ten minutes to six.
  maxWorkers: 2,
  // A worker takes about 1.4 s to exit once its last test file is done (measured: it exits by itself,
  // nothing left open), longer than jest's default wait of 0.5 s, after which it reports a leak that
  // is not there. A handle really left open is still reported, after this wait.
  workerGracefulExitTimeout: 5000,
  // strip-bom 5, which @microsoft/app-manifest requires, is an ES module that jest cannot load.
  moduleNameMapper: { '^strip-bom$': '<rootDir>/test/harness/stripBom.ts' },
  globalSetup: '<rootDir>/test/harness/globalSetup.ts',
};

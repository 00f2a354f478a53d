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
  // A worker that grew past this between test files is replaced: a worker holding most of a gigabyte
  // at the end takes longer to exit than jest waits, which jest reports as a leak.
  workerIdleMemoryLimit: '512MB',
  // strip-bom 5, which @microsoft/app-manifest requires, is an ES module that jest cannot load.
  moduleNameMapper: { '^strip-bom$': '<rootDir>/test/harness/stripBom.ts' },
  globalSetup: '<rootDir>/test/harness/globalSetup.ts',
};

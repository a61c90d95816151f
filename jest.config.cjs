// One Jest run for the whole repository, split into projects by kind of test.
const { swcOptions, jestModuleNameMapper } = require('./tools/swc-options.cjs');

const swc = swcOptions();
const transform = {
  '^.+\\.tsx?$': [
    '@swc/jest',
    {
      ...swc,
      jsc: {
        ...swc.jsc,
        parser: { syntax: 'typescript', decorators: true, tsx: true },
        transform: { ...swc.jsc.transform, react: { runtime: 'automatic' } },
      },
    },
  ],
  '^.+\\.m?js$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};

const common = {
  testEnvironment: 'node',
  transform,
  moduleNameMapper: jestModuleNameMapper(),
  // NestJS 12 and a few of its dependencies ship ESM only; let SWC turn them into CommonJS.
  transformIgnorePatterns: [
    '^(?!.*/node_modules/(?:@nestjs|@fastify/cookie|file-type|@borewit|strtok3|token-types|peek-readable|uint8array-extras|@tokenizer|uid|content-disposition|cookie|ra-language-english|@scure|@noble|@otplib|otplib)/).*/node_modules/',
  ],
  setupFiles: ['<rootDir>/test/support/setup-env.cjs'],
};

module.exports = {
  // Sized for a busy machine: a test here may share its two cores with the rest of the suite and more.
  testTimeout: 120_000,
  // Every e2e file starts an api of its own, and a process that ran them all in turn outgrows
  // its heap: run the files in a worker that is replaced once it holds this much.
  workerIdleMemoryLimit: '1536MB',
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts'],
    },
    { ...common, displayName: 'embedded', testMatch: ['<rootDir>/test/embedded/**/*.e2e-spec.ts'] },
    // Processes killed and services stopped on purpose: the built api and worker (npm run build:server first).
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'] },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.e2e-spec.ts'],
    },
  ],
};

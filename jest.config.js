// Three kinds of test (STYLE.md): pure specs, database integration specs, and HTTP end-to-end specs.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
  },
];

// Database and HTTP tests start real PostgreSQL/PGlite stores; a loaded 2-core machine needs headroom.
const project = (displayName, testMatch, testTimeout) => ({
  displayName,
  testMatch,
  testTimeout,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
});

module.exports = {
  projects: [
    project('unit', ['<rootDir>/**/*.spec.ts'], 15_000),
    project('int', ['<rootDir>/**/*.int-spec.ts'], 120_000),
    project('e2e', ['<rootDir>/test/**/*.e2e-spec.ts'], 120_000),
  ],
};

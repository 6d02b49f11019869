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

const project = (displayName, testMatch) => ({
  displayName,
  testMatch,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
});

module.exports = {
  // Database and HTTP tests start real PostgreSQL/PGlite stores; a loaded 2-core machine needs headroom.
  testTimeout: 120_000,
  projects: [
    project('unit', ['<rootDir>/**/*.spec.ts']),
    project('int', ['<rootDir>/**/*.int-spec.ts']),
    project('e2e', ['<rootDir>/test/**/*.e2e-spec.ts']),
  ],
};

// One SWC configuration for the server build and for Jest, with the path aliases
// taken from tsconfig.base.json so they are declared in one place only.
const path = require('node:path');
const tsconfig = require('../tsconfig.base.json');

const root = path.resolve(__dirname, '..');

function swcOptions() {
  return {
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: root,
      paths: tsconfig.compilerOptions.paths,
    },
    module: { type: 'commonjs' },
  };
}

function jestModuleNameMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
    mapper[`^${alias.replace(/[/]/g, '\\/')}$`] = path.join(root, target);
  }
  return mapper;
}

module.exports = { swcOptions, jestModuleNameMapper, root };

// Maps the `@oms/*` aliases of tsconfig.base.json to Jest's moduleNameMapper,
// so the aliases are declared once.
const { compilerOptions } = require('../tsconfig.base.json');

function pathsToModuleNameMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    mapper[`^${alias.replace('/', '\\/')}$`] = `<rootDir>/${target}`;
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };

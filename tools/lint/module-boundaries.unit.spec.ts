import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The layering is only real if the linter refuses a violation: lint small probe sources as if
// they lived in each library and check the verdicts. The rule maps files to projects through
// Nx's project graph, so probes borrow the names of files that exist, after a graph refresh.
const root = join(__dirname, '../..');
const domainFile = join(root, 'libs/order-domain/src/index.ts');
const infraFile = join(root, 'libs/event-store/src/index.ts');
const infraTestFile = join(root, 'libs/event-store/src/event-store.int.spec.ts');

const importing = (what: string, name = '*') =>
  name === '*' ? `import * as probe from '${what}';\nexport { probe };\n` : `import { ${name} } from '${what}';\nexport { ${name} };\n`;

const probes = [
  { filePath: domainFile, source: importing('pg') },
  { filePath: domainFile, source: importing('kafkajs') },
  { filePath: domainFile, source: importing('@nestjs/common') },
  { filePath: domainFile, source: importing('avsc') },
  { filePath: domainFile, source: importing('@oms/event-store', 'EventStore') },
  { filePath: domainFile, source: importing('@oms/contracts', 'Headers') },
  { filePath: infraFile, source: importing('@oms/testing', 'uniqueName') },
  { filePath: infraTestFile, source: importing('@oms/testing', 'uniqueName') },
];

let verdicts: string[][];

describe('module boundaries', () => {
  beforeAll(() => {
    const env = { ...process.env, NX_DAEMON: 'false' };
    execFileSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], { cwd: root, env, stdio: 'ignore' });
    const output = execFileSync(process.execPath, [join(__dirname, 'lint-probes.mjs')], { cwd: root, env, input: JSON.stringify(probes), encoding: 'utf8' });
    verdicts = JSON.parse(output) as string[][];
  }, 120_000);

  it.each([
    [0, 'pg'],
    [1, 'kafkajs'],
    [2, '@nestjs/common'],
    [3, 'avsc'],
  ])('refuse I/O packages in a type:domain library (probe %i: %s)', (index, banned) => {
    expect(verdicts[index]).toEqual([`A project tagged with "type:domain" is not allowed to import "${banned}"`]);
  });

  it('refuse an infrastructure library in a type:domain library', () => {
    expect(verdicts[4]!.join('\n')).toContain('A project tagged with "type:domain" can only depend on libs tagged with');
  });

  it('allow the domain to use contracts', () => {
    expect(verdicts[5]).toEqual([]);
  });

  it('refuse test helpers in production code but allow them in tests', () => {
    expect(verdicts[6]!.join('\n')).toContain('A project tagged with "type:infra" can only depend on libs tagged with');
    expect(verdicts[7]).toEqual([]);
  });
});

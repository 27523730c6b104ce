// Lints several in-memory sources, each under the name of a file of the workspace, in one ESLint
// instance (loading the TypeScript and Nx plugins once), and prints the boundary-rule messages
// as JSON: [[message, ...], ...] in input order. Input: JSON [{ filePath, source }] on stdin.
import { ESLint } from 'eslint';

const probes = JSON.parse(await new Promise((resolve) => {
  let input = '';
  process.stdin.on('data', (chunk) => (input += chunk)).on('end', () => resolve(input));
}));
const eslint = new ESLint({ cwd: process.cwd() });
const verdicts = [];
for (const { filePath, source } of probes) {
  const [result] = await eslint.lintText(source, { filePath });
  verdicts.push(result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message));
}
process.stdout.write(JSON.stringify(verdicts));

#!/usr/bin/env bash
# `npm test`: everything CI checks, in one command. Starts the Kafka broker if it is not
# running (scripts/kafka.sh), checks PostgreSQL, then type-checks, lints and runs every test
# kind (unit, integration, end-to-end) against the real broker and database.
set -euo pipefail
cd "$(dirname "$0")/.."

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
db_url=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
node -e "
const { Client } = require('pg');
const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 5000 });
client.connect().then(() => client.end()).catch((error) => {
  console.error('PostgreSQL is not reachable at ' + process.argv[1] + ': ' + error.message);
  console.error('Start it (or set DATABASE_URL) and run the tests again.');
  process.exit(1);
});" "$db_url"

bash scripts/kafka.sh start
# One compiler and one linter pass over the whole workspace: the same checks as every project's
# `typecheck` and `lint` Nx targets, without starting 2 × N processes on a 2-core machine.
npx nx show projects >/dev/null # refresh the project graph the module-boundary rule reads
npx tsc -p tsconfig.json --noEmit
npx eslint .
npx jest "$@"

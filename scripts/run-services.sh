#!/usr/bin/env bash
# `npm run start:services`: the backbone in multi-process mode on real infrastructure.
#
#   1. starts the Kafka broker (scripts/kafka.sh start; a running one is reused),
#   2. migrates PostgreSQL (DATABASE_URL, default the local server),
#   3. runs each service as its own process, own port, own log file under var/log/,
#   4. plays the promotion-day scenario against them (apps/backbone/src/main.ts --against),
#   5. stops them on exit (or, with --keep-running, on Ctrl-C).
#
# Usage: bash scripts/run-services.sh [--keep-running] [scenario options, e.g. --orders 500 --json out.json]
# Crash drill: KILL_HALFWAY=order-service SIGKILLs order-service mid-scenario and restarts it; the
# run must still end with found = planted. When: once order-service has appended KILL_AFTER_EVENTS
# order events (work is certainly under way, however loaded the machine), else KILL_AFTER_SECONDS
# (8) into the scenario.
# Ports: SIMULATORS_PORT (4010), LOGISTICS_PORT (4020), ORDER_SERVICE_PORT (3002),
# FULFILLMENT_PORT (3003), RECONCILIATION_PORT (3004), GATEWAY_PORT (3000).
# Topics and consumer groups carry a fresh prefix per run (KAFKA_TOPIC_PREFIX, default
# "backbone-<epoch>.") so a shared broker's older messages stay out of the figures; set
# KAFKA_TOPIC_PREFIX= for the public names. Each service gets a PostgreSQL schema of its own per
# run (dropped on exit): another run's rows — an outbox not yet relayed, review items — never
# reach this run's topics or figures. Logs go to LOG_DIR (var/log).
set -euo pipefail
cd "$(dirname "$0")/.."

keep_running=false
if [[ "${1:-}" == "--keep-running" ]]; then keep_running=true; shift; fi

export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
export KAFKA_BROKERS=${KAFKA_BROKERS:-127.0.0.1:9092}
export KAFKA_TOPIC_PREFIX=${KAFKA_TOPIC_PREFIX-backbone-$(date +%s).}
simulators_port=${SIMULATORS_PORT:-4010}
order_service_port=${ORDER_SERVICE_PORT:-3002}
gateway_port=${GATEWAY_PORT:-3000}
reconciliation_port=${RECONCILIATION_PORT:-3004}
fulfillment_port=${FULFILLMENT_PORT:-3003}
logistics_port=${LOGISTICS_PORT:-4020}
# Related orders are planned together within this window (30 s in production; shorter for the demo).
dispatch_window_s=${DISPATCH_WINDOW_SECONDS:-5}
# The day's report lands here; a minute's settlement window so the planted missing bank line is due within the run.
export REPORT_DIR=${REPORT_DIR:-var/reports/services-$(date +%s)} SETTLEMENT_WINDOW_MS=${SETTLEMENT_WINDOW_MS:-60000}
# A schema per service and run, dropped on exit: reconciliation-service re-derives everything from
# its inputs (another run's would enter its matching), fulfillment-service's review queue would list
# another run's items, order-service's outbox would relay another run's events to this run's topics.
order_service_schema=order_service_run_$$
gateway_schema=channel_gateway_run_$$
fulfillment_schema=fulfillment_run_$$
reconciliation_schema=reconciliation_run_$$
run_dir=var/run/services-$$
log_dir=${LOG_DIR:-var/log}
mkdir -p "$run_dir" "$log_dir"
node_ts=(node -r @swc-node/register)

pids=()
scenario_pid=
stop_services() {
  for pid in $scenario_pid "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $scenario_pid "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  node -e "const { Client } = require('pg'); const c = new Client({ connectionString: process.argv[1] }); c.connect().then(() => c.query(process.argv.slice(2).map((schema) => 'DROP SCHEMA IF EXISTS ' + schema + ' CASCADE;').join(' '))).finally(() => c.end()).catch(() => undefined)" \
    "$DATABASE_URL" "$order_service_schema" "$gateway_schema" "$fulfillment_schema" "$reconciliation_schema" || true
  rm -rf "$run_dir"
}
trap stop_services EXIT
# Stopped from outside (a test's timeout, Ctrl-C): leave through the EXIT trap, which stops every service.
trap 'exit 143' TERM
trap 'exit 130' INT

wait_for() { # description, command...
  local what=$1; shift
  for _ in $(seq 1 240); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "timed out waiting for $what (logs in $log_dir/)" >&2
  exit 1
}

echo "== Kafka"
bash scripts/kafka.sh start

# What needs no keys starts first and meanwhile (each node start costs seconds on a busy machine).
echo "== warehouses and carriers on :$logistics_port (log $log_dir/logistics-simulators.log)"
LOGISTICS_SIMULATOR_PORT=$logistics_port CARRIER_PUSH_BASE_URL=http://127.0.0.1:$fulfillment_port \
  "${node_ts[@]}" apps/backbone/src/logistics-simulators.main.ts >"$log_dir/logistics-simulators.log" 2>&1 &
pids+=($!)
"${node_ts[@]}" apps/backbone/src/cli/scenario-catalog.command.ts >"$run_dir/sku-catalog.json" &
catalog_pid=$!
echo "== migrations (order-service schema $order_service_schema; the other services migrate their own at start)"
DATABASE_SCHEMA=$order_service_schema "${node_ts[@]}" apps/order-service/src/migrate.ts &
migrate_pid=$!

echo "== merchant secrets and keys for this run (in $run_dir, deleted on exit)"
node -e "
const { generateKeyPairSync, randomBytes } = require('node:crypto');
const pair = () => { const k = generateKeyPairSync('rsa', { modulusLength: 2048 }); return { privateKeyPem: k.privateKey.export({ type: 'pkcs8', format: 'pem' }), publicKeyPem: k.publicKey.export({ type: 'spki', format: 'pem' }) }; };
const hex = (n) => randomBytes(n).toString('hex');
require('node:fs').writeFileSync(process.argv[1], JSON.stringify({ merchant: pair(), merchantSerial: hex(20).toUpperCase(), alipayApp: pair(), apiV3Key: hex(16), callbackSecret: hex(24), jwtSecret: hex(24), shopify: 'shpss_' + hex(8), douyinSecret: hex(16), pddSecret: hex(16), miniprogramSecret: hex(24) }));
" "$run_dir/merchant.json"
secret() { node -e "process.stdout.write(String(require(process.argv[1])[process.argv[2]]))" "$PWD/$run_dir/merchant.json" "$1"; }
key() { node -e "process.stdout.write(require(process.argv[1])[process.argv[2]][process.argv[3]])" "$PWD/$run_dir/merchant.json" "$1" "$2"; }
export WECHATPAY_MCHID=1230000109 WECHATPAY_APPID=wxd678efh567hg6999 ALIPAY_APP_ID=2021004100000001 ALIPAY_SELLER_ID=2088101000000001
export WECHATPAY_API_V3_KEY=$(secret apiV3Key) WECHATPAY_MERCHANT_SERIAL=$(secret merchantSerial)
export SHOPIFY_WEBHOOK_SECRET=$(secret shopify) DOUYIN_APP_KEY=7000000000000000001 DOUYIN_APP_SECRET=$(secret douyinSecret)
export PINDUODUO_CLIENT_SECRET=$(secret pddSecret) MINIPROGRAM_WEBHOOK_SECRET=$(secret miniprogramSecret)

echo "== simulators on :$simulators_port (log $log_dir/simulators.log)"
SIMULATOR_PORT=$simulators_port SIMULATOR_KEYS_FILE=$run_dir/simulator-keys.json \
  WECHATPAY_MERCHANT_PUBLIC_KEY="$(key merchant publicKeyPem)" ALIPAY_APP_PUBLIC_KEY="$(key alipayApp publicKeyPem)" \
  "${node_ts[@]}" apps/simulators/src/main.ts >"$log_dir/simulators.log" 2>&1 &
pids+=($!)
wait_for "the simulators' keys" test -s "$run_dir/simulator-keys.json"
simulator() { node -e "process.stdout.write(require(process.argv[1])[process.argv[2]])" "$PWD/$run_dir/simulator-keys.json" "$1"; }

wait_for "the warehouse and carrier simulators" grep -q logisticsSimulator "$log_dir/logistics-simulators.log"
wait "$catalog_pid"
wait "$migrate_pid"

echo "== order-service on :$order_service_port (log $log_dir/order-service.log)"
jwt_secret=$(secret jwtSecret)
start_order_service() { # again after a SIGKILL (KILL_HALFWAY): same settings, same log
  DATABASE_SCHEMA=$order_service_schema KAFKA_GROUP_ID=${KAFKA_TOPIC_PREFIX}order-service ENRICHMENT_GROUP_ID=${KAFKA_TOPIC_PREFIX}order-service-enrichment \
    HTTP_PORT=$order_service_port JWT_SECRET=$jwt_secret MIGRATE_ON_START=false \
    DISPATCH_CATALOG_FILE=$run_dir/sku-catalog.json DISPATCH_DECISION_WINDOW=PT${dispatch_window_s}S \
    "${node_ts[@]}" apps/order-service/src/main.ts >>"$log_dir/order-service.log" 2>&1 &
  order_service_pid=$!
  pids+=($!)
}
: >"$log_dir/order-service.log"
start_order_service

echo "== erp-simulator (log $log_dir/erp-simulator.log): answers OrderPlaced with InvoiceConfirmation"
"${node_ts[@]}" apps/backbone/src/erp-simulator.main.ts >"$log_dir/erp-simulator.log" 2>&1 &
pids+=($!)

echo "== reconciliation-service on :$reconciliation_port (log $log_dir/reconciliation-service.log, reports in $REPORT_DIR)"
DATABASE_SCHEMA=$reconciliation_schema KAFKA_GROUP_ID=${KAFKA_TOPIC_PREFIX}reconciliation-service HTTP_PORT=$reconciliation_port JWT_SECRET=$jwt_secret MATCHING_POLL_MS=1000 MATCHING_DEBOUNCE_MS=200 \
  "${node_ts[@]}" apps/reconciliation-service/src/main.ts >"$log_dir/reconciliation-service.log" 2>&1 &
pids+=($!)

echo "== fulfillment-service on :$fulfillment_port (log $log_dir/fulfillment-service.log)"
logistics=http://127.0.0.1:$logistics_port
DATABASE_SCHEMA=$fulfillment_schema KAFKA_GROUP_ID=${KAFKA_TOPIC_PREFIX}fulfillment-service HTTP_PORT=$fulfillment_port WAREHOUSE_API_URL=$logistics E_WAYBILL_API_URL=$logistics SF_API_URL=$logistics ZTO_API_URL=$logistics \
  JD_API_URL=$logistics KUAIDI100_API_URL=$logistics CALL_BACKOFF_MS=100 \
  "${node_ts[@]}" apps/fulfillment-service/src/main.ts >"$log_dir/fulfillment-service.log" 2>&1 &
pids+=($!)

echo "== channel-gateway on :$gateway_port (log $log_dir/channel-gateway.log)"
GATEWAY_DB_SCHEMA=$gateway_schema PORT=$gateway_port MERCHANT_CALLBACK_SECRET=$(secret callbackSecret) \
  WECHATPAY_PLATFORM_PUBLIC_KEYS="$(node -e "const k = require(process.argv[1]); process.stdout.write(JSON.stringify({ [k.wechatpaySerial]: k.wechatpayPublicKeyPem }))" "$PWD/$run_dir/simulator-keys.json")" \
  WECHATPAY_MERCHANT_PRIVATE_KEY="$(key merchant privateKeyPem)" WECHATPAY_API_BASE_URL=$(simulator url) \
  ALIPAY_PUBLIC_KEY="$(simulator alipayPublicKeyPem)" ALIPAY_APP_PRIVATE_KEY="$(key alipayApp privateKeyPem)" ALIPAY_GATEWAY_URL=$(simulator url)/gateway.do \
  "${node_ts[@]}" apps/channel-gateway/src/main.ts >"$log_dir/channel-gateway.log" 2>&1 &
pids+=($!)

wait_for "order-service /health" curl -fs "http://127.0.0.1:$order_service_port/health"
wait_for "channel-gateway /health" curl -fs "http://127.0.0.1:$gateway_port/health"
wait_for "reconciliation-service /health" curl -fs "http://127.0.0.1:$reconciliation_port/health"
wait_for "fulfillment-service /health" curl -fs "http://127.0.0.1:$fulfillment_port/health"

# Order events order-service has appended since it started (its /metrics; 0 while it does not answer).
order_events_appended() {
  curl -fs "http://127.0.0.1:$order_service_port/metrics" 2>/dev/null | awk '/^oms_order_events_appended_total/ { sum += $NF } END { print sum + 0 }'
}

echo "== scenario"
set +e
GATEWAY_URL=http://127.0.0.1:$gateway_port ORDER_SERVICE_URL=http://127.0.0.1:$order_service_port RECONCILIATION_URL=http://127.0.0.1:$reconciliation_port \
  FULFILLMENT_URL=http://127.0.0.1:$fulfillment_port LOGISTICS_SIMULATORS_URL=$logistics \
  SIMULATORS_URL=$(simulator url) SIMULATOR_KEYS_FILE=$run_dir/simulator-keys.json DATABASE_SCHEMA=$reconciliation_schema ORDER_SERVICE_SCHEMA=$order_service_schema \
  "${node_ts[@]}" apps/backbone/src/main.ts --against "$@" &
scenario_pid=$!
if [[ "${KILL_HALFWAY:-}" == order-service ]]; then
  # The crash drill: order-service dies without warning while the scenario runs, and comes back.
  # The figures must come out as in an undisturbed run (the scenario exits 2 when they do not).
  if [[ -n "${KILL_AFTER_EVENTS:-}" ]]; then
    until (( $(order_events_appended) >= KILL_AFTER_EVENTS )) || ! kill -0 "$scenario_pid" 2>/dev/null; do sleep 0.2; done
  else
    sleep "${KILL_AFTER_SECONDS:-8}"
  fi
  echo "== SIGKILL order-service (pid $order_service_pid, $(order_events_appended) order events appended) while the scenario runs; restarting it"
  kill -KILL "$order_service_pid" 2>/dev/null
  wait "$order_service_pid" 2>/dev/null
  start_order_service
  wait_for "order-service /health after the restart" curl -fs "http://127.0.0.1:$order_service_port/health"
elif [[ -n "${KILL_HALFWAY:-}" ]]; then
  echo "KILL_HALFWAY supports order-service only, not '$KILL_HALFWAY'" >&2
  kill "$scenario_pid"
fi
wait "$scenario_pid"
status=$?
scenario_pid=
set -e

if $keep_running; then
  echo "Services keep running (Ctrl-C stops them): simulators $(simulator url), order-service http://127.0.0.1:$order_service_port/docs, fulfillment-service http://127.0.0.1:$fulfillment_port/docs, reconciliation-service http://127.0.0.1:$reconciliation_port/docs, channel-gateway http://127.0.0.1:$gateway_port/docs"
  trap 'exit $status' INT TERM
  # A trap runs only between commands: wait (interruptible) on a background sleep, not a foreground one.
  while true; do sleep 3600 & pids+=($!); wait $!; done
fi
exit $status

#!/usr/bin/env bash
# Single-node Apache Kafka broker in KRaft mode, run from the jars Maven resolves
# from Maven Central (no Docker, no tarball download).
#
#   scripts/kafka.sh fetch   resolve the pinned broker jars into $KAFKA_DIR/lib
#   scripts/kafka.sh start   fetch if needed, format storage on first start, start,
#                            wait until the broker answers; a second start finds the
#                            running broker and returns at once
#   scripts/kafka.sh stop    stop the broker (SIGTERM, then SIGKILL after 30 s)
#   scripts/kafka.sh status  exit 0 when the broker answers
#   scripts/kafka.sh wipe    stop, then delete the broker's data (next start formats anew)
#   scripts/kafka.sh log     print the broker log path
#
# Environment: KAFKA_DIR (default <repo>/.kafka), KAFKA_PORT (9092),
# KAFKA_CONTROLLER_PORT (9093), KAFKA_HEAP (512m), KAFKA_START_TIMEOUT (120 s).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
KAFKA_DIR=${KAFKA_DIR:-$repo/.kafka}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_HEAP=${KAFKA_HEAP:-512m}
KAFKA_START_TIMEOUT=${KAFKA_START_TIMEOUT:-120}
pom=$repo/tools/kafka/pom.xml
lib=$KAFKA_DIR/lib
data=$KAFKA_DIR/data
conf=$KAFKA_DIR/server.properties
pidfile=$KAFKA_DIR/broker.pid
logfile=$KAFKA_DIR/logs/broker.log

log() { echo "[kafka] $*" >&2; }

kafka_version() { sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$pom"; }

fetch() {
  local version stamp
  version=$(kafka_version)
  stamp=$lib/.version
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version" ]; then return 0; fi
  log "resolving org.apache.kafka:kafka_2.13:$version from Maven Central"
  rm -rf "$lib" && mkdir -p "$lib"
  local out
  if ! out=$(mvn -q -B -Dstyle.color=never -f "$pom" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$lib" 2>&1); then
    echo "$out" >&2; log "Maven could not resolve the broker jars"; return 1
  fi
  echo "$version" >"$stamp"
}

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null; }

running_pid() {
  [ -f "$pidfile" ] || return 1
  local pid; pid=$(cat "$pidfile")
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

write_config() {
  mkdir -p "$data" "$(dirname "$logfile")"
  cat >"$conf" <<CONF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$data
num.partitions=4
# A single node: internal topics cannot have more replicas than there are brokers,
# or consumer groups and transactions never form.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
default.replication.factor=1
auto.create.topics.enable=true
group.initial.rebalance.delay.ms=0
log.retention.hours=168
CONF
  cat >"$KAFKA_DIR/log4j2.properties" <<CONF
status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = $logfile
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = info
logger.state.name = state.change.logger
logger.state.level = warn
CONF
}

java_cmd() {
  java -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" \
    -cp "$lib/*" "$@"
}

format_storage() {
  [ -f "$data/meta.properties" ] && return 0
  log "formatting KRaft storage in $data"
  java_cmd kafka.tools.StorageTool format -t "$(java_cmd kafka.tools.StorageTool random-uuid)" \
    -c "$conf" >>"$logfile" 2>&1
}

start() {
  if answers; then log "broker already answering on 127.0.0.1:$KAFKA_PORT"; return 0; fi
  fetch
  write_config
  format_storage
  # A fresh log per start, so "Kafka Server started" below is this start's line.
  [ -f "$logfile" ] && mv "$logfile" "$logfile.1"
  log "starting Kafka $(kafka_version) on 127.0.0.1:$KAFKA_PORT (log: $logfile)"
  # setsid: the broker outlives the shell (and the test run) that started it.
  setsid nohup java -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" -cp "$lib/*" kafka.Kafka "$conf" \
    >>"$KAFKA_DIR/logs/stdout.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  local waited=0
  until answers && grep -q "Kafka Server started\|\[KafkaRaftServer nodeId=1\] Kafka Server started" "$logfile" 2>/dev/null; do
    if ! running_pid >/dev/null; then log "broker exited during start; see $logfile"; tail -20 "$logfile" >&2 || true; return 1; fi
    if [ "$waited" -ge "$KAFKA_START_TIMEOUT" ]; then log "broker not up after ${KAFKA_START_TIMEOUT}s; see $logfile"; return 1; fi
    sleep 1; waited=$((waited + 1))
  done
  log "broker up after ${waited}s"
}

stop() {
  local pid
  if ! pid=$(running_pid); then log "no broker running from $KAFKA_DIR"; rm -f "$pidfile"; return 0; fi
  log "stopping broker (pid $pid)"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) answers && { log "broker answering on 127.0.0.1:$KAFKA_PORT"; exit 0; } || { log "no broker on 127.0.0.1:$KAFKA_PORT"; exit 1; } ;;
  wipe) stop; rm -rf "$data" "$KAFKA_DIR/logs"; log "data wiped" ;;
  log) echo "$logfile" ;;
  *) echo "usage: $0 fetch|start|stop|status|wipe|log" >&2; exit 2 ;;
esac

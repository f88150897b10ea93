#!/usr/bin/env bash
# A hot standby of the local PostgreSQL 15 for the read-replica test (src/server/read-replica.test.ts) and CI:
# `pg_basebackup -R` of the primary (127.0.0.1:5432) into a second data directory, started with pg_ctl on
# another port. Idempotent: a standby already running is reused.
#
#   bash scripts/standby.sh start            # create if needed, start, wait until it accepts reads
#   bash scripts/standby.sh stop [immediate] # stop it (fast by default; immediate = a crash, as the test does)
#   bash scripts/standby.sh status           # "running" (exit 0) or "stopped" (exit 1)
#   bash scripts/standby.sh destroy          # stop, delete its data directory and its replication slot
#
# Environment: STANDBY_PORT (5433), STANDBY_DIR (/tmp/coop-standby-$STANDBY_PORT), PRIMARY_PORT (5432),
# PGPASSWORD of the postgres user (postgres). Runs pg_ctl as the postgres user (needs root or postgres).
set -euo pipefail

PORT=${STANDBY_PORT:-5433}
DIR=${STANDBY_DIR:-/tmp/coop-standby-$PORT}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
PASSWORD=${PGPASSWORD:-postgres}
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
HBA=${PRIMARY_HBA:-/etc/postgresql/15/main/pg_hba.conf}
SLOT="coop_standby_${PORT}"

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"
  elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"
  else sudo -n -u postgres -- "$@"
  fi
}
primary_sql() { PGPASSWORD=$PASSWORD "$BIN/psql" -X -q -At -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -c "$1"; }
standby_sql() { PGPASSWORD=$PASSWORD "$BIN/psql" -X -q -At -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "$1" 2>/dev/null; }
is_standby_up() { [ "$(standby_sql 'select pg_is_in_recovery()' || true)" = t ]; }

wait_ready() {
  for _ in $(seq 1 120); do
    is_standby_up && return 0
    sleep 0.5
  done
  echo "standby on port $PORT did not start; its log: $DIR/standby.log" >&2
  tail -n 20 "$DIR/standby.log" >&2 || true
  return 1
}

# The primary must stream WAL to 127.0.0.1 with a password: a replication line in pg_hba.conf (Debian has one;
# added if missing, then reloaded) and WAL senders.
prepare_primary() {
  if [ -f "$HBA" ] && ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+(all|postgres)[[:space:]]+127\.0\.0\.1/32' "$HBA"; then
    echo "host    replication     all             127.0.0.1/32            scram-sha-256" >>"$HBA"
    primary_sql 'select pg_reload_conf()' >/dev/null
  fi
  local level senders
  level=$(primary_sql 'show wal_level')
  senders=$(primary_sql 'show max_wal_senders')
  if [ "$level" = minimal ] || [ "$senders" -lt 2 ]; then
    echo "the primary needs wal_level=replica and max_wal_senders >= 2 (now $level, $senders): set them and restart it" >&2
    exit 1
  fi
}

create() {
  prepare_primary
  as_postgres rm -rf "$DIR"
  primary_sql "select pg_drop_replication_slot('$SLOT') from pg_replication_slots where slot_name = '$SLOT'" >/dev/null
  # -R writes standby.signal and primary_conninfo; the slot keeps the WAL a stopped standby still needs.
  as_postgres env PGPASSWORD="$PASSWORD" "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres \
    -D "$DIR" -R -C -S "$SLOT" -X stream --checkpoint=fast
  # Debian keeps the primary's configuration in /etc, so the copy has none: the standby gets its own. Settings a
  # hot standby must not have below the primary's are copied from it.
  local conf="$DIR/postgresql.conf"
  as_postgres tee "$conf" >/dev/null <<EOF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
hot_standby = on
hot_standby_feedback = on
max_standby_streaming_delay = 30s
max_connections = $(primary_sql 'show max_connections')
max_worker_processes = $(primary_sql 'show max_worker_processes')
max_wal_senders = $(primary_sql 'show max_wal_senders')
max_prepared_transactions = $(primary_sql 'show max_prepared_transactions')
max_locks_per_transaction = $(primary_sql 'show max_locks_per_transaction')
shared_buffers = 64MB
cluster_name = 'coop-standby'
ssl = off
EOF
  as_postgres tee "$DIR/pg_hba.conf" >/dev/null <<EOF
local   all   all                  peer
host    all   all   127.0.0.1/32   scram-sha-256
EOF
  as_postgres touch "$DIR/pg_ident.conf"
}

start() {
  if is_standby_up; then echo "standby running on port $PORT (reused)"; return 0; fi
  if [ ! -f "$DIR/standby.signal" ]; then create; fi
  if ! as_postgres "$BIN/pg_ctl" -D "$DIR" -l "$DIR/standby.log" -w -t 60 start >/dev/null; then
    # A data directory that no longer starts (an old copy, a removed slot): take a fresh copy.
    create
    as_postgres "$BIN/pg_ctl" -D "$DIR" -l "$DIR/standby.log" -w -t 60 start >/dev/null
  fi
  wait_ready
  echo "standby running on port $PORT ($DIR)"
}

stop() {
  local mode=${1:-fast}
  if [ -f "$DIR/postmaster.pid" ]; then as_postgres "$BIN/pg_ctl" -D "$DIR" -m "$mode" -w -t 60 stop >/dev/null || true; fi
  echo "standby on port $PORT stopped"
}

case "${1:-start}" in
  start) start ;;
  stop) stop "${2:-fast}" ;;
  status) if is_standby_up; then echo running; else echo stopped; exit 1; fi ;;
  destroy)
    stop immediate
    as_postgres rm -rf "$DIR"
    primary_sql "select pg_drop_replication_slot('$SLOT') from pg_replication_slots where slot_name = '$SLOT'" >/dev/null
    echo "standby on port $PORT removed"
    ;;
  *) echo "usage: $0 start|stop [immediate]|status|destroy" >&2; exit 2 ;;
esac

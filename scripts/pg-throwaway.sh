#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on a loopback port with a fresh data directory, for tests and for
# writing migrations. Prints the connection URL on its last line.
#   scripts/pg-throwaway.sh start [PORT]   -> postgresql://postgres@127.0.0.1:PORT/yibao_test
#   scripts/pg-throwaway.sh stop
set -euo pipefail
cmd=${1:-start}
port=${2:-${PG_TEST_PORT:-55432}}
root=${PG_TEST_DIR:-/tmp/yibao-pg-$port}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

# initdb refuses to run as root: run the server as the unprivileged postgres user when we are root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
  start)
    if [ -f "$root/data/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$root/data" status >/dev/null 2>&1; then
      :
    else
      rm -rf "$root"; mkdir -p "$root/data" "$root/sock"
      [ "$(id -u)" = 0 ] && chown -R postgres "$root"
      as_pg "$bin/initdb" -D "$root/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 \
        || { cat "$root/initdb.log" >&2; exit 1; }
      as_pg "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 start \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $root/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
        || { cat "$root/server.log" >&2; exit 1; }
      as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres yibao_test
    fi
    echo "postgresql://postgres@127.0.0.1:$port/yibao_test"
    ;;
  stop)
    [ -d "$root/data" ] && as_pg "$bin/pg_ctl" -D "$root/data" -m fast stop >/dev/null 2>&1 || true
    # a server still shutting down may write while we delete: retry, and never fail the caller over a temp dir
    rm -rf "$root" 2>/dev/null || { sleep 2; rm -rf "$root" || true; }
    ;;
  *) echo "usage: $0 start|stop [PORT]" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster on loopback, then stops and deletes the cluster.
# The command gets SELFSERVICE_TEST_DATABASE_URL; each pytest worker creates its own database in the cluster.
set -euo pipefail

bindir=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
workdir=$(mktemp -d /tmp/selfservice-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$workdir"
fi

cleanup() {
  as_pg "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

as_pg "$bindir/initdb" -D "$workdir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$workdir -c fsync=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
echo "PostgreSQL running on 127.0.0.1:$port"

export SELFSERVICE_TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
"$@"

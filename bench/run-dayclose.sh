#!/usr/bin/env bash
# Day-close (日终) over 500,000 active loans, ours beside the SQL peer's, in one run on this machine:
#   1. makes sure PostgreSQL 15 runs (as .ci/run does) with password auth for postgres over TCP;
#   2. runs the SQL peer's day-close (../shared/peers/sql-baseline/dayclose.sh: 500,000 loans,
#      set-based aging and tallies) and takes its "sql-peer day-close ms: N";
#   3. runs bench/Microfinance.Bench (Release) dayclose with --peer-ms N, which imports the loan
#      book, closes the measured day and the quiet day after it, and prints ours, the peer's and
#      the ratio.
# Needs root (the peer and the server setup act as the postgres user through su). Extra
# arguments go to the benchmark, e.g. --loans 100000 --counties 50.
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
peer_run="$repo/../shared/peers/sql-baseline/dayclose.sh"
cd "$repo"

if [ "$(id -u)" -ne 0 ]; then
  echo "run-dayclose.sh needs root: it starts PostgreSQL and runs the peer as the postgres user" >&2
  exit 1
fi

echo "== building the benchmark (Release)"
dotnet build bench/Microfinance.Bench -c Release --nologo -v quiet

. "$repo/bench/postgres-up.sh"

echo "== SQL peer: day-close of 500,000 loans"
peer_out=$("$peer_run")
echo "$peer_out"
peer=$(echo "$peer_out" | tail -n 1 | sed -n 's|^sql-peer day-close ms: \([0-9][0-9]*\)$|\1|p')
if [ -z "$peer" ]; then
  echo "could not read the peer's figure from its last line" >&2
  exit 1
fi

echo "== ours"
export MF_BENCH_POSTGRES=${MF_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;SSL Mode=Disable"}
dotnet run -c Release --no-build --project bench/Microfinance.Bench -- dayclose --peer-ms "$peer" "$@"

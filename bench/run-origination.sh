#!/usr/bin/env bash
# Loan origination throughput, ours beside the SQL peer's, in one run on this machine:
#   1. makes sure PostgreSQL 15 runs (as .ci/run does) with password auth for postgres over TCP;
#   2. runs the SQL peer (../shared/peers/sql-baseline: one ACID transaction per disbursement,
#      16 clients, 20 s) and takes its "sql-peer disburse/s: N";
#   3. runs bench/Microfinance.Bench (Release) with --peer N, every transport (grains direct, the
#      unary gRPC calls, the bank's StreamBankDecisions streams) in both shapes (households over
#      16 counties, then all in one county), which prints our figures, the one-county/many-county
#      ratios, the peer's figure and the ratios ours/peer.
# Needs root (the peer and the server setup act as the postgres user through su). Extra
# arguments go to the benchmark and win over these, e.g. --seconds 30 --clients 32 --via grains
# --shape one-county.
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
peer_run="$repo/../shared/peers/sql-baseline/run.sh"
cd "$repo"

if [ "$(id -u)" -ne 0 ]; then
  echo "run-origination.sh needs root: it starts PostgreSQL and runs the peer as the postgres user" >&2
  exit 1
fi

echo "== building the benchmark (Release)"
dotnet build bench/Microfinance.Bench -c Release --nologo -v quiet

. "$repo/bench/postgres-up.sh"

echo "== SQL peer: disburse, 16 clients, 20 s"
peer_out=$("$peer_run" disburse 16 20)
echo "$peer_out"
peer=$(echo "$peer_out" | tail -n 1 | sed -n 's|^sql-peer disburse/s: \([0-9][0-9]*\)$|\1|p')
if [ -z "$peer" ]; then
  echo "could not read the peer's figure from its last line" >&2
  exit 1
fi

echo "== ours"
export MF_BENCH_POSTGRES=${MF_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;SSL Mode=Disable"}
dotnet run -c Release --no-build --project bench/Microfinance.Bench -- origination --via all --shape both --peer "$peer" "$@"

#!/usr/bin/env bash
# Grain-state write throughput of the platform's batched PostgreSQL provider beside Orleans' ADO.NET
# provider, in one run on this machine:
#   1. makes sure PostgreSQL 15 runs (as .ci/run does) with password auth for postgres over TCP;
#   2. runs bench/Microfinance.Bench (Release) `storage`: for each provider a fresh database and a
#      silo of the PostgreSQL profile, 64, 256 and 1,024 grains writing back to back, then one hot
#      grain; writes/s, p50/p99 latency and commits per write, side by side.
# Needs root (the server setup acts as the postgres user through su). Extra arguments go to the
# benchmark, e.g. --seconds 20 --bytes 2048.
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$repo"

if [ "$(id -u)" -ne 0 ]; then
  echo "run-storage.sh needs root: it starts PostgreSQL as the postgres user" >&2
  exit 1
fi

echo "== building the benchmark (Release)"
dotnet build bench/Microfinance.Bench -c Release --nologo -v quiet

. "$repo/bench/postgres-up.sh"

echo "== storage: batched, then ADO.NET"
export MF_BENCH_POSTGRES=${MF_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;SSL Mode=Disable"}
dotnet run -c Release --no-build --project bench/Microfinance.Bench -- storage "$@"

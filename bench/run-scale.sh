#!/usr/bin/env bash
# The multi-silo scenario on loopback, in one command:
#   1. makes sure PostgreSQL 15 runs (as .ci/run does);
#   2. publishes the host and the operators' CLI (Release) to a directory of their own;
#   3. runs `Microfinance.Bench scale`: 3 silo processes on PostgreSQL under gRPC load (full
#      originations from 64 clients), a 4th joining, one drained with `microfinance cluster drain`,
#      one killed with kill -9; throughput per phase, then the invariant check.
# Needs root (the server setup acts as the postgres user through su). Extra arguments go to the
# scenario, e.g. --phase-seconds 30 --clients 32.
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$repo"

if [ "$(id -u)" -ne 0 ]; then
  echo "run-scale.sh needs root: it starts PostgreSQL as the postgres user" >&2
  exit 1
fi

out=${MF_SCALE_BUILD:-/tmp/mf-scale-build}
echo "== publishing the host and the CLI (Release) to $out"
dotnet publish src/Microfinance.Silo -c Release -o "$out/silo" --nologo -v quiet
dotnet publish src/Microfinance.Cli -c Release -o "$out/cli" --nologo -v quiet
dotnet build bench/Microfinance.Bench -c Release --nologo -v quiet

. "$repo/bench/postgres-up.sh"

export MF_BENCH_POSTGRES=${MF_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;SSL Mode=Disable"}
dotnet run -c Release --no-build --project bench/Microfinance.Bench -- scale --silo "$out/silo" --cli "$out/cli" "$@"

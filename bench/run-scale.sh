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

out=${MF_SCALE_BUILD:-/tmp/mf-scale-build}
. "$repo/bench/publish-up.sh"

dotnet run -c Release --no-build --project bench/Microfinance.Bench -- scale --silo "$out/silo" --cli "$out/cli" "$@"

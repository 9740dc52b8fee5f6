#!/usr/bin/env bash
# The registry import at province size, in one command:
#   1. makes sure PostgreSQL 15 runs (as .ci/run does);
#   2. publishes the host and the operators' CLI (Release) to a directory of their own;
#   3. runs `Microfinance.Bench import`: one silo process on PostgreSQL with a province's regions
#      (129 counties, 14,190 villages); a household export of 1,500,000 rows written in GBK; then
#      `microfinance import households` streaming it to the gRPC API, timed, and every village's
#      list counted against the file.
# Needs root (the server setup acts as the postgres user through su). Extra arguments go to the
# benchmark, e.g. --households 200000 --encoding utf8.
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$repo"

out=${MF_IMPORT_BUILD:-/tmp/mf-import-build}
. "$repo/bench/publish-up.sh"

dotnet run -c Release --no-build --project bench/Microfinance.Bench -- import --silo "$out/silo" --cli "$out/cli" "$@"

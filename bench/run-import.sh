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

if [ "$(id -u)" -ne 0 ]; then
  echo "run-import.sh needs root: it starts PostgreSQL as the postgres user" >&2
  exit 1
fi

out=${MF_IMPORT_BUILD:-/tmp/mf-import-build}
echo "== publishing the host and the CLI (Release) to $out"
dotnet publish src/Microfinance.Silo -c Release -o "$out/silo" --nologo -v quiet
dotnet publish src/Microfinance.Cli -c Release -o "$out/cli" --nologo -v quiet
dotnet build bench/Microfinance.Bench -c Release --nologo -v quiet

. "$repo/bench/postgres-up.sh"

export MF_BENCH_POSTGRES=${MF_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;SSL Mode=Disable"}
dotnet run -c Release --no-build --project bench/Microfinance.Bench -- import --silo "$out/silo" --cli "$out/cli" "$@"

#!/usr/bin/env bash
# A province at full size, in one command:
#   1. makes sure PostgreSQL 15 runs (as .ci/run does);
#   2. publishes the host (Release) to a directory of its own;
#   3. runs `Microfinance.Bench province`: one silo process on PostgreSQL; 129 counties, 1,419
#      townships, 14,190 villages, two banks per county with funds, quotas and policies;
#      1,500,000 households through each village's registry import; 300,000 existing loans through
#      each county's loan-book import. It prints the time of each step and the silo's memory, and
#      ends with the invariant check.
# Needs root (the server setup acts as the postgres user through su). Extra arguments go to the
# load, e.g. --households 200000 --loans 40000.
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$repo"

if [ "$(id -u)" -ne 0 ]; then
  echo "run-province.sh needs root: it starts PostgreSQL as the postgres user" >&2
  exit 1
fi

out=${MF_PROVINCE_BUILD:-/tmp/mf-province-build}
echo "== publishing the host (Release) to $out"
dotnet publish src/Microfinance.Silo -c Release -o "$out/silo" --nologo -v quiet
dotnet build bench/Microfinance.Bench -c Release --nologo -v quiet

. "$repo/bench/postgres-up.sh"

export MF_BENCH_POSTGRES=${MF_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;SSL Mode=Disable"}
dotnet run -c Release --no-build --project bench/Microfinance.Bench -- province --silo "$out/silo" "$@"

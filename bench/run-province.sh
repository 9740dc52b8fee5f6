#!/usr/bin/env bash
# A province at full size, in one command:
#   1. makes sure PostgreSQL 15 runs (as .ci/run does);
#   2. publishes the host and the CLI (Release) to a directory of their own;
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

out=${MF_PROVINCE_BUILD:-/tmp/mf-province-build}
. "$repo/bench/publish-up.sh"

dotnet run -c Release --no-build --project bench/Microfinance.Bench -- province --silo "$out/silo" "$@"

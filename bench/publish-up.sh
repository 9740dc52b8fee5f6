# Sourced by the bench/run-*.sh scripts whose benchmark runs silos as processes of their own:
# checks for root, publishes the host and the operators' CLI (Release) to $out (the caller sets
# it), builds the benchmark, and makes sure PostgreSQL runs (bench/postgres-up.sh).
if [ "$(id -u)" -ne 0 ]; then
  echo "$(basename "$0") needs root: it starts PostgreSQL as the postgres user" >&2
  exit 1
fi

echo "== publishing the host and the CLI (Release) to $out"
dotnet publish src/Microfinance.Silo -c Release -o "$out/silo" --nologo -v quiet
dotnet publish src/Microfinance.Cli -c Release -o "$out/cli" --nologo -v quiet
dotnet build bench/Microfinance.Bench -c Release --nologo -v quiet

. "$repo/bench/postgres-up.sh"

export MF_BENCH_POSTGRES=${MF_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;SSL Mode=Disable"}

# Sourced by the bench/run-*.sh scripts: makes sure PostgreSQL 15 runs as .ci/run has it
# (Debian's packages, started without systemd), lets postgres log in with password 'postgres'
# over TCP, and prints fsync and synchronous_commit, which a benchmark needs on.
echo "== PostgreSQL 15"
if [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
  echo "Installing PostgreSQL 15 from Debian's packages..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-client-15 >/dev/null
fi
if ! pg_lsclusters -h | awk '$1 == "15" && $2 == "main"' | grep -q .; then
  pg_createcluster 15 main >/dev/null
fi
if ! pg_lsclusters -h | awk '$1 == "15" && $2 == "main" && $4 == "online"' | grep -q .; then
  pg_ctlcluster 15 main start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
su postgres -c "psql -Atq -c 'SHOW fsync' -c 'SHOW synchronous_commit'" | paste -sd' ' \
  | awk '{ print "fsync=" $1 " synchronous_commit=" $2 }'

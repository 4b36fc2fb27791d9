#!/usr/bin/env bash
# Rebuilds the benchmarks module and runs every scenario: migrator vs Flyway, Liquibase and psql on
# the local PostgreSQL. Writes benchmarks/target/results.md (and runs.csv) and prints the report.
#
#   benchmarks/run.sh [N] [rounds] [driver options...]
#     N        revisions (default 1000)
#     rounds   counted rounds after the warm-up round (default 5)
#     options  --warmup 1 --scenarios noop,apply,offline,plan,boot-noop,boot-apply,boot-r2dbc-noop,boot-r2dbc-apply,
#              schemas-apply,schemas-noop,scale-noop,scale-apply,scale-offline,history-noop,endpoints
#              --plan-size 10000 --tenants 200 --tenant-revisions 20 --parallelism 1,2,4,8
#              --scale-size 10N --history-rows 100000
#              --pg-host 127.0.0.1 --pg-port 5432 --pg-user postgres
#   Environment: MVN_ARGS (e.g. -o for an offline build), BENCH_JAVA_OPTS (options for the measured JVMs).
#
# See docs/performance.md for the method.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-1000}
ROUNDS=${2:-5}
shift $(( $# > 2 ? 2 : $# ))

command -v psql >/dev/null || { echo "run.sh: psql is needed (the apply floor)" >&2; exit 1; }
pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null || echo "run.sh: pg_isready does not answer on 127.0.0.1:5432; trying anyway" >&2

echo "run.sh: building (mvn -q -DskipTests package -pl benchmarks -am ${MVN_ARGS:-})"
# shellcheck disable=SC2086
mvn -q -DskipTests ${MVN_ARGS:-} package -pl benchmarks -am

rm -rf benchmarks/target/bench-work
status=0
java -cp "benchmarks/target/classes:benchmarks/target/lib/*" dev.migrator.benchmarks.Driver "$N" "$ROUNDS" \
  --work benchmarks/target/bench-work --out benchmarks/target/results.md "$@" || status=$?
echo
cat benchmarks/target/results.md
exit $status

#!/usr/bin/env bash
# Where an apply's time goes, migrator against psql running migrator's own offline script: the
# PostgreSQL server's statement log (its clock, the same for both) splits each run into the time
# before the first revision's DDL, revisions 1 to 100 (the JVM still warming up), revisions 100 to
# N (the steady rate per revision) and the time after the last DDL.
#
#   benchmarks/apply-timeline.sh [N] [rounds]
#     N        revisions (default 1000)
#     rounds   alternating pairs (default 3)
#   Environment: PG_LOG (the server's log file; default the newest /var/log/postgresql/postgresql-*-main.log)
#
# Needs what benchmarks/run.sh leaves behind (the classes, and the scripts under
# benchmarks/target/bench-work/n<N>/ that an apply scenario writes): run
# `benchmarks/run.sh N 1 --scenarios apply --tools migrator,psql-script` first. Works on a scratch
# database "apply_timeline" (dropped and created each run) with log_min_duration_statement = 0 set on
# that database only, so the server logs every statement of the run with its time; the logging
# costs both tools the same. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-1000}
ROUNDS=${2:-3}
WORK=benchmarks/target/bench-work
SCRIPT=$WORK/n$N/psql-script.sql
LOG=${PG_LOG:-$(ls -t /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1)}
DB=apply_timeline
[ -f "$SCRIPT" ] || { echo "apply-timeline.sh: $SCRIPT is missing; run benchmarks/run.sh $N 1 --scenarios apply --tools migrator,psql-script first" >&2; exit 1; }
[ -r "$LOG" ] || { echo "apply-timeline.sh: cannot read the server log '$LOG'; set PG_LOG" >&2; exit 1; }

admin() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
# Seconds since the epoch of the first log line matching a pattern (the line's own timestamp).
at() {
  local line
  line=$(grep -m1 -- "$2" "$1") || { echo "apply-timeline.sh: '$2' is not in the server's log $LOG (is it the log this server writes, with its default log_line_prefix?)" >&2; return 1; }
  date -d "$(cut -c1-23 <<< "$line")" +%s.%N
}

segment=$(mktemp)
# A failed run leaves neither the log excerpt nor the scratch database (with its logging setting) behind.
trap 'rm -f "$segment"; admin -c "DROP DATABASE IF EXISTS $DB"' EXIT

for round in $(seq 1 "$ROUNDS"); do
  for tool in migrator psql-script; do
    admin -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" -c "ALTER DATABASE $DB SET log_min_duration_statement = 0"
    before=$(wc -l < "$LOG")
    start=$(date +%s.%N)
    if [ "$tool" = migrator ]; then
      java -cp "benchmarks/target/classes:benchmarks/target/lib/*" dev.migrator.benchmarks.RunOne migrator apply "$N" \
        "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" "$WORK" > /dev/null
    else
      psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "$DB" -f "$SCRIPT" > /dev/null
    fi
    end=$(date +%s.%N)
    tail -n +"$((before + 1))" "$LOG" > "$segment"
    first=$(at "$segment" "CREATE TABLE t1 ")
    hundred=$(at "$segment" "CREATE TABLE t100 ")
    last=$(at "$segment" "CREATE TABLE t$N ")
    awk -v tool="$tool" -v round="$round" -v n="$N" -v s="$start" -v e="$end" -v a="$first" -v b="$hundred" -v c="$last" 'BEGIN {
      printf "round %d %-12s process %5.0f ms | start to revision 1: %4.0f ms | revisions 1-100: %4.0f ms | 100-%d: %5.0f ms (%.2f ms each) | after: %3.0f ms\n",
        round, tool, (e - s) * 1000, (a - s) * 1000, (b - a) * 1000, n, (c - b) * 1000, (c - b) * 1000 / (n - 100), (e - c) * 1000 }'
  done
done

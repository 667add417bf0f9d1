#!/usr/bin/env bash
# The production artifact, run as an operator runs it (called by .ci/run after ./evs test; a few minutes).
#  1. builds app/target/evscallpro-app-<version>-exec.jar (-Pproduction: Vaadin production bundle, no npm) and the
#     sandbox module (for the infrastructure);
#  2. starts, as a separate process, only the infrastructure (com.evscallpro.sandbox.EvsInfrastructure: PostgreSQL,
#     the Zeebe engine, the PBX simulator) and reads the environment it prints (SPRING_DATASOURCE_URL,
#     CAMUNDA_CLIENT_GRPCADDRESS, EVS_TELEPHONY_AMI_HOST/PORT/SECRET, ...);
#  3. starts `java -jar` on the exec jar with that environment; waits for /actuator/health UP and the login page
#     (its production bundle script served); creates a user as an operator would (SQL), and logs in with it;
#  4. stops it with SIGTERM: exit status 143 (the JVM's answer to SIGTERM after its shutdown hooks), "Graceful
#     shutdown complete" in the log, no ERROR line, no stack trace;
#  5. starts it again: Flyway says "No migration necessary", the user of the first run still logs in; stops it again;
#     then stops the infrastructure.
# Options through the environment: EVS_CHECK_PORT (HTTP port of the application, default 18080), EVS_CHECK_KEEP=1
# (keep the work directory with the logs), EVS_CHECK_REUSE_BUILD=1 (use the jar and the sandbox a `./evs test` run has
# just built instead of building them again; .ci/run sets it), MAVEN_ARGS (extra Maven arguments, read by Maven
# itself).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh

port="${EVS_CHECK_PORT:-18080}"
work="$(mktemp -d /tmp/evs-production-check.XXXXXX)"
infra_pid=""
app_pid=""

say() { echo "[production-check] $*"; }
fail() {
  echo "[production-check] FAILED: $*" >&2
  for log in "$work"/*.log; do
    [ -f "$log" ] && { echo "----- last lines of $log" >&2; tail -n 60 "$log" >&2; }
  done
  exit 1
}
stop_pid() { # stop_pid <pid> <seconds>: SIGTERM, then SIGKILL after the delay
  local pid="$1" wait="$2"
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq "$wait"); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  [ -n "$app_pid" ] && stop_pid "$app_pid" 30
  [ -n "$infra_pid" ] && stop_pid "$infra_pid" 30
  if [ "${EVS_CHECK_KEEP:-0}" = 1 ]; then say "logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  fail "port $port is already in use (set EVS_CHECK_PORT)"
fi

if [ "${EVS_CHECK_REUSE_BUILD:-0}" = 1 ] && ls app/target/evscallpro-app-*-exec.jar >/dev/null 2>&1 \
    && [ -f sandbox/target/classpath.txt ]; then
  # .ci/run: `./evs test` (mvn verify, the production profile is the default) has just built both
  say "using the production jar and the sandbox that ./evs test has just built"
else
  say "building the production jar and the sandbox (-Pproduction package)"
  ./mvnw -B -q -Pproduction -pl sandbox -am package -DskipTests
fi
jar="$(ls app/target/evscallpro-app-*-exec.jar)"
[ -f "$jar" ] || fail "no app/target/evscallpro-app-*-exec.jar"
classpath="sandbox/target/classes:$(cat sandbox/target/classpath.txt)"

say "starting the infrastructure (PostgreSQL, Zeebe engine, PBX simulator)"
java -cp "$classpath" com.evscallpro.sandbox.EvsInfrastructure --data="$work/data" --env-file="$work/infra.env" \
  >"$work/infrastructure.log" 2>&1 &
infra_pid=$!
for _ in $(seq 180); do
  [ -f "$work/infra.env" ] && break
  kill -0 "$infra_pid" 2>/dev/null || fail "the infrastructure stopped"
  sleep 1
done
[ -f "$work/infra.env" ] || fail "the infrastructure did not start within 180 s"
set -a; source "$work/infra.env"; set +a
export SERVER_PORT="$port"
# A shared 2-core CI machine under load can take more than the client's default 10 s to answer the first deploy.
export CAMUNDA_CLIENT_REQUESTTIMEOUT="${CAMUNDA_CLIENT_REQUESTTIMEOUT:-60s}"
say "infrastructure up: $SPRING_DATASOURCE_URL, engine $CAMUNDA_CLIENT_GRPCADDRESS, AMI :$EVS_TELEPHONY_AMI_PORT"

sql() { java -cp "$classpath" com.evscallpro.sandbox.SqlCommand "$SPRING_DATASOURCE_URL" "$SPRING_DATASOURCE_USERNAME" \
  "$SPRING_DATASOURCE_PASSWORD" "$1"; }

start_app() { # start_app <run>: java -jar in the background, logs to app-<run>.log
  local started=$SECONDS status=""
  java -jar "$jar" >"$work/app-$1.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 240); do
    kill -0 "$app_pid" 2>/dev/null || fail "run $1: the application exited at start (status $(wait "$app_pid"; echo $?))"
    status="$(curl -s "http://127.0.0.1:$port/actuator/health" || true)"
    [[ "$status" == *'"status":"UP"'* ]] && break
    sleep 1
  done
  [[ "$status" == *'"status":"UP"'* ]] || fail "run $1: /actuator/health never said UP (last: $status)"
  say "run $1: health UP $((SECONDS - started)) s after java -jar"
  local page script
  page="$(curl -sf "http://127.0.0.1:$port/login")" || fail "run $1: GET /login failed"
  script="$(grep -o 'VAADIN/build/[A-Za-z0-9._-]*\.js' <<<"$page" | head -n 1)"
  [ -n "$script" ] || fail "run $1: the login page names no production bundle script (VAADIN/build/*.js)"
  curl -sf -o /dev/null "http://127.0.0.1:$port/$script" || fail "run $1: the bundle script $script is not served"
  ! grep -qiE 'vaadin-dev|copilot' <<<"$page" || fail "run $1: the login page mentions Vaadin dev tools"
}

login() { # login <user> <password>: the login form's POST with the page's CSRF token; 0 when signed in
  local jar_file="$work/cookies" page token location
  rm -f "$jar_file"
  page="$(curl -sf -c "$jar_file" "http://127.0.0.1:$port/login")"
  token="$(sed -n 's/.*name="_csrf" content="\([^"]*\)".*/\1/p' <<<"$page" | head -n 1)"
  [ -n "$token" ] || fail "no CSRF token on the login page"
  location="$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar_file" -c "$jar_file" \
    --data-urlencode "username=$1" --data-urlencode "password=$2" --data-urlencode "_csrf=$token" \
    "http://127.0.0.1:$port/login")"
  [ -n "$location" ] && [[ "$location" != *error* ]] && [[ "$location" != */login ]]
}

stop_app() { # stop_app <run>: SIGTERM, clean exit and a clean log
  local status
  kill -TERM "$app_pid"
  status=0; wait "$app_pid" || status=$?
  app_pid=""
  [ "$status" = 143 ] || [ "$status" = 0 ] || fail "run $1: exit status $status after SIGTERM (expected 143)"
  grep -q 'Graceful shutdown complete' "$work/app-$1.log" || fail "run $1: no 'Graceful shutdown complete' in the log"
  if grep -nE ' ERROR |^Exception|^\s+at [a-z]' "$work/app-$1.log" | head -n 20 | grep -q .; then
    grep -nE ' ERROR |^Exception|^\s+at [a-z]' "$work/app-$1.log" | head -n 20 >&2
    fail "run $1: ERROR lines or stack traces in the log"
  fi
  say "run $1: stopped by SIGTERM, exit status $status, clean log"
}

start_app 1
grep -q 'Successfully applied' "$work/app-1.log" || fail "run 1: Flyway did not migrate the new database"
sql "INSERT INTO app_user (username, password_hash, display_name, role, locale)
     VALUES ('check-admin', '\$2a\$10\$sZbmYRWPZAIgv0ES8ObxfO490RYmVZq9daMMegcM3yoiRxj/KGGqe', 'Check', 'ADMIN', 'en')" \
  >/dev/null || fail "could not create the check user"
login check-admin wrong-password && fail "run 1: a wrong password signed in"
login check-admin production-check || fail "run 1: the check user could not sign in"
say "run 1: login page served by the production bundle, a user created and signed in"
stop_app 1

start_app 2
grep -q 'No migration necessary' "$work/app-2.log" || fail "run 2: Flyway did not say 'No migration necessary'"
login check-admin production-check || fail "run 2: the user of the first run is gone"
[ "$(sql "SELECT count(*) FROM app_user WHERE username = 'check-admin'")" = 1 ] || fail "run 2: user row lost"
say "run 2: no migration, the first run's data kept"
stop_app 2

stop_pid "$infra_pid" 60
infra_pid=""
say "OK: the production jar starts, serves, stops cleanly and restarts on its data"

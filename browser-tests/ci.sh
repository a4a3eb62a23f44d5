#!/usr/bin/env bash
# Browser journeys in CI: starts the built jar on its own port with a fresh demo database, runs
# browser-tests/run.mjs against it headless in Debian's Chromium, and always stops the app.
#
#   bash browser-tests/ci.sh        (after `mvn package` or `mvn verify`; works from any directory)
#
# Expects target/csc-workflow-0.1.0-SNAPSHOT.jar and node_modules (npm ci). Builds nothing.
# PORT (default 8099) and any run.mjs variable (JOURNEYS, ALLOW_MISSING_INDICATORS, ...) pass through.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

JAR=target/csc-workflow-0.1.0-SNAPSHOT.jar
PORT="${PORT:-8099}"
BASE_URL="http://localhost:${PORT}"
LOG=target/browser-tests-app.log

if [ ! -f "$JAR" ]; then
  echo "browser tests: $JAR not found: build it first (mvn -B -ntp package)" >&2
  exit 1
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "browser tests: installing Chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null || true

if curl -s -o /dev/null --max-time 2 "${BASE_URL}/"; then
  echo "browser tests: port ${PORT} is already in use; set PORT to a free one" >&2
  exit 1
fi

DATA_DIR="$(mktemp -d /tmp/csc-browser-tests.XXXXXX)"
APP_PID=""
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA_DIR"
}
trap stop_app EXIT

echo "browser tests: starting the app on port ${PORT} (demo profile, data in ${DATA_DIR}, log in ${LOG})"
java -Duser.timezone=Europe/London -jar "$JAR" \
  --spring.profiles.active=demo \
  --server.port="${PORT}" \
  "--spring.datasource.url=jdbc:h2:file:${DATA_DIR}/csc;DB_CLOSE_ON_EXIT=FALSE" \
  >"$LOG" 2>&1 &
APP_PID=$!

started=$(date +%s)
until curl -sf --max-time 2 "${BASE_URL}/actuator/health" | grep -q '"status":"UP"'; do
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    echo "browser tests: the app stopped during start-up; last lines of ${LOG}:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
  if [ $(( $(date +%s) - started )) -ge 120 ]; then
    echo "browser tests: the app was not UP within 120 s; last lines of ${LOG}:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
  sleep 1
done
echo "browser tests: app UP after $(( $(date +%s) - started )) s"

# The demo city's history is replayed in the background (live requests always see today, see
# HistoryReplay): let it finish, so the dashboard shows the whole year and its escalations.
until grep -q "Demo city seeded\|Demo city seeding stopped" "$LOG"; do
  if [ $(( $(date +%s) - started )) -ge 600 ]; then
    echo "browser tests: the demo city was not seeded within 600 s; running the journeys anyway" >&2
    break
  fi
  sleep 2
done
grep "Demo city seeded" "$LOG" || true
echo "browser tests: demo ready after $(( $(date +%s) - started )) s"

BASE_URL="$BASE_URL" node browser-tests/run.mjs

#!/usr/bin/env bash
# `npm test`: everything the tests need, then every test.
#  1. system packages a fresh machine lacks (Debian Chromium + CJK fonts, PostgreSQL server)
#  2. a throwaway PostgreSQL on a loopback port (stopped on exit)
#  3. type check, lint, unit and database tests (Vitest) against SQLite and PostgreSQL
#  4. production build, then browser tests (Playwright in Debian Chromium) on the demo city
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# the monthly-report tests read the generated PDF's metadata with pdfinfo
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "[test] installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig >/dev/null
fi
# npm may skip install scripts it has not been told to trust: make sure the native driver and the
# generated Prisma clients exist.
[ -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ] || npm rebuild better-sqlite3
[ -f lib/generated/sqlite/client.ts ] && [ -f lib/generated/postgres/client.ts ] || npm run postinstall

PG_PORT=${PG_TEST_PORT:-55433}
TEST_PG_URL=$(PG_TEST_PORT=$PG_PORT scripts/pg-throwaway.sh start "$PG_PORT" | tail -n 1)
# Stopping the throwaway server must not change the suite's verdict (a slow shutdown on a loaded machine
# once turned a green run into exit 1): keep the status the tests gave.
trap 'rc=$?; scripts/pg-throwaway.sh stop "$PG_PORT" || echo "[test] warning: stopping PostgreSQL on $PG_PORT failed" >&2; exit $rc' EXIT
export TEST_PG_URL REQUIRE_PG=1
echo "[test] PostgreSQL at $TEST_PG_URL"

echo "[test] type check"
npx tsc --noEmit

echo "[test] lint (ESLint, eslint-config-next)"
npx eslint .

echo "[test] unit and database tests"
rm -f .tmp/vitest.json .tmp/playwright.json .tmp/playwright-province.json
set +e
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json
unit=$?
set -e

echo "[test] production build and browser tests"
npx next build
set +e
PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/playwright.json npx playwright test --reporter=list,json
e2e=$?
# The demo province (several cities in one warehouse): its own server and database (playwright.province.config.ts).
PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/playwright-province.json npx playwright test -c playwright.province.config.ts --reporter=list,json
province=$?
set -e

echo "[test] exit codes: vitest $unit, playwright $e2e, playwright (province) $province"
node scripts/test-summary.mjs .tmp/vitest.json .tmp/playwright.json .tmp/playwright-province.json
[ $unit -eq 0 ] && [ $e2e -eq 0 ] && [ $province -eq 0 ]

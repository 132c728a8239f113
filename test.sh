#!/usr/bin/env bash
# Runs every test of Valfard: domain, web (WebApplicationFactory over SQLite) and browser (Playwright + system Chromium).
# On a fresh Debian machine it first installs Chromium from Debian when run as root.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
        echo "Installing Chromium for the browser tests (Debian package 'chromium')..."
        apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core fonts-liberation >/dev/null
    else
        echo "The browser tests need Chromium at /usr/bin/chromium: sudo apt-get install -y chromium" >&2
        exit 1
    fi
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
# Build once, then run the test projects one after another: the browser tests time real pages and should not share
# the two cores with the web tests. A test that hangs is stopped after 15 minutes (no test takes more than a few) and
# reported as failed, instead of holding the run until CI gives up.
{ dotnet build Valfard.sln && dotnet test Valfard.sln --no-build -m:1 --blame-hang-timeout 15m --blame-hang-dump-type none; } 2>&1 | tee "$log" || status=$?

# dotnet test prints one summary per test assembly; add them up into one closing line.
awk '
    /^(Passed|Failed)!/ {
        for (i = 1; i <= NF; i++) {
            gsub(",", "", $(i + 1))
            if ($i == "Failed:") failed += $(i + 1)
            if ($i == "Passed:") passed += $(i + 1)
            if ($i == "Skipped:") skipped += $(i + 1)
        }
        assemblies++
    }
    END {
        if (assemblies == 0) { print "0 passed, 0 failed"; exit }
        printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped
    }' "$log"
exit "$status"

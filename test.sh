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

# The markup tests run the Nu HTML Checker (vnu.jar, from npm, pinned in tools/vnu/package-lock.json) on Java. On a
# fresh Debian machine as root, Java and npm are installed from Debian; the jar goes to tools/vnu/node_modules (ignored
# by git). Without them the markup test fails and says how to install them: it never skips.
if ! command -v java >/dev/null || ! command -v npm >/dev/null; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
        echo "Installing Java and npm for the Nu HTML Checker (Debian packages 'default-jre-headless' and 'npm')..."
        apt-get update -qq && apt-get install -y -qq default-jre-headless npm >/dev/null
    else
        echo "The markup tests need Java and npm: sudo apt-get install -y default-jre-headless npm" >&2
        exit 1
    fi
fi
if [ ! -f tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar ]; then
    echo "Installing the Nu HTML Checker (npm ci in tools/vnu)..."
    # --ignore-scripts: the jar is in the package; its install script only fetches a Java runtime, which Debian gives.
    npm ci --prefix tools/vnu --ignore-scripts --no-audit --no-fund
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

#!/usr/bin/env bash
# `npm start`: runs the product on a fresh clone — installs what is missing (npm ci; Debian Chromium and a
# CJK font), builds the extension, and opens the bundled sample report (灵川县 2020, which has an error)
# in Chromium with the extension loaded. Headless when there is no DISPLAY (or with --headless): prints
# the verdicts, writes docs/screenshots/start.png and exits. With a DISPLAY: stays open until closed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
npx wxt build >/dev/null
exec node --import tsx scripts/start.ts "$@"

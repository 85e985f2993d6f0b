#!/usr/bin/env bash
# The one command that runs every test: lint, format and structure first, then types, unit + property +
# fixtures (vitest), then the extension build and the end-to-end suite in real Chromium. `.ci/run` calls
# this through `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
npm run -s lint
npx vitest run test/unit/structure.test.ts
npx tsc --noEmit
npx vitest run
npx wxt build
npm run -s test:e2e

#!/usr/bin/env bash
# Refreshes the README's pictures on purpose: runs the e2e suite (which writes its screenshots to the
# ignored test-results/screenshots/) and copies the ones the README and docs show into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run -s test:e2e
for f in test-results/screenshots/*.png; do
  name=$(basename "$f")
  [ -f "docs/screenshots/$name" ] && cp "$f" "docs/screenshots/$name"
done
git status --short docs/screenshots

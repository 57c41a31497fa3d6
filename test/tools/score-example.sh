#!/usr/bin/env bash
# Builds into its own folder, scans the example project and scores it against its labels.
# usage: test/tools/score-example.sh [OUTDIR] [extra score.mjs args]
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-/tmp/d365sec-score-$$}"
shift || true
node esbuild.mjs --outdir="$out" >/dev/null
node "$out/cli.js" scan examples/contoso --format sarif --output "$out/example.sarif" || true
node test/tools/score.mjs --labels examples/contoso/expected.json --findings "$out/example.sarif" "$@"

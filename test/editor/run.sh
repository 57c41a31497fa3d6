#!/usr/bin/env bash
# The one command CI runs for the real-editor tests (npm run test:editor):
#   tools (apt + code-server in test/editor/node_modules), build, .vsix, UI tests in code-server
#   (trusted and Restricted Mode), extension-host tests through @vscode/test-electron's runTests
#   (both trust modes), and the plain-LSP Neovim check. Outputs and screenshots: dist/editor-e2e/.
# Assumes the root `npm ci` has run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bash "$here/setup.sh"
cd "$repo"
npm run package
unzip -l dist/d365sec.vsix | awk '{print $4}' | grep -E '^extension/' | grep -vE '^extension/(package\.json|readme\.md|changelog\.md|LICENSE.*|dist/(server|client)\.js|dist/tree-sitter(-c_sharp)?\.wasm|syntaxes/.*|images/icon\.png|docs/rules/.*)$' \
  && { echo "run.sh: the .vsix holds files it should not (above)"; exit 1; } || true
cd "$here"
rm -rf "$repo/dist/editor-e2e" .work
node ui.mjs
node ui.mjs --untrusted
node runTest.cjs
bash nvim-check.sh
rm -rf .work
echo "editor tests: all passed (screenshots in dist/editor-e2e/)"

#!/usr/bin/env bash
# Plain-LSP checks: headless Neovim as an LSP client of d365sec on a copy of the example project.
#  1. `d365sec lsp --stdio` (the CLI's launcher) on a C# plug-in file with a hard-coded secret;
#  2. `node dist/server.js --stdio` on a solution environment variable value.
# Each opens the file, waits for the diagnostic, applies the Key Vault fix and waits for it to go.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/d365sec-nvim-XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

check() { # name, launcher command, file relative to the workspace
  rm -rf "$tmp/ws" "$tmp/c" "$tmp/d" "$tmp/e"
  cp -r "$repo/examples/contoso" "$tmp/ws"
  echo "nvim: $1"
  LSP_SERVER="$repo/dist/server.js" LSP_CMD="$2" LSP_ROOT="$tmp/ws" LSP_FILE="$tmp/ws/$3" \
  XDG_CACHE_HOME="$tmp/c" XDG_DATA_HOME="$tmp/d" XDG_CONFIG_HOME="$tmp/e" \
    timeout 90 nvim --headless --clean -n -c "luafile $here/lsp-check.lua"
  echo
}

check "C# plug-in constant over d365sec lsp --stdio" "node $repo/dist/cli.js lsp --stdio" \
  "plugins/Contoso.Plugins/Shared/IntegrationConstants.cs"
check "environment variable value over dist/server.js" "node $repo/dist/server.js --stdio" \
  "solution/environmentvariabledefinitions/cnt_SmsGatewayToken/environmentvariablevalues.json"

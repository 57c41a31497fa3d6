#!/usr/bin/env bash
# Plain-LSP check: headless Neovim drives `node dist/server.js --stdio` (LSP_CMD may name another
# launcher, e.g. "node dist/cli.js lsp --stdio") on a copy of the example project.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/d365sec-nvim-XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
cp -r "$repo/examples/contoso" "$tmp/ws"
LSP_SERVER="$repo/dist/server.js" LSP_ROOT="$tmp/ws" \
LSP_FILE="$tmp/ws/solution/environmentvariabledefinitions/cnt_SmsGatewayToken/environmentvariablevalues.json" \
XDG_CACHE_HOME="$tmp/c" XDG_DATA_HOME="$tmp/d" XDG_CONFIG_HOME="$tmp/e" \
  timeout 60 nvim --headless --clean -n -c "luafile $here/lsp-check.lua"
echo

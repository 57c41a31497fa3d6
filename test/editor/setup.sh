#!/usr/bin/env bash
# Installs what the real-editor tests need on Debian 12 (bookworm), offline apart from the npm
# registry and the apt mirror (see ../../../shared/editor-e2e.md). Idempotent: skips what is there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
command -v nvim >/dev/null || need+=(neovim)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
for p in build-essential python3 pkg-config; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
fi

# @vscode/ripgrep (inside code-server's VS Code) looks in this cache before going to GitHub.
cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache"
[ -f "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ] ||
  tar czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg

# node-gyp must find Node's headers locally instead of downloading them.
if [ -z "${npm_config_nodedir:-}" ] && [ "$(npm config get nodedir 2>/dev/null || true)" = "undefined" ]; then
  export npm_config_nodedir=/usr
fi

cd "$here"
if [ ! -f node_modules/.d365sec-installed ] || [ package-lock.json -nt node_modules/.d365sec-installed ]; then
  npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund --foreground-scripts
  node check-install.cjs
  touch node_modules/.d365sec-installed
fi

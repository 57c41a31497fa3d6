-- Headless Neovim (0.7, Debian bookworm) as a plain LSP client of d365sec: start the server over
-- stdio, open a file of the example with a plaintext secret, wait for the diagnostic, ask for code
-- actions, apply the Key Vault fix, and wait for the server to clear the finding. Exit 0 = pass.
-- Env: LSP_SERVER (dist/server.js or the CLI), LSP_ROOT (workspace), LSP_FILE (file in it).
local server = os.getenv('LSP_SERVER')
local root = os.getenv('LSP_ROOT')
local file = os.getenv('LSP_FILE')
local cmd = { 'node', server, '--stdio' }
if os.getenv('LSP_CMD') then cmd = vim.split(os.getenv('LSP_CMD'), ' ') end

local function fail(msg)
  io.stderr:write('lsp-check: FAIL ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local function wait(ms, pred, what)
  if not vim.wait(ms, pred, 20) then fail('timed out waiting for ' .. what) end
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({ name = 'd365sec', cmd = cmd, root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'ws' } } })
if not client_id then fail('server did not start') end
vim.lsp.buf_attach_client(buf, client_id)

local function ours()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'd365sec' then table.insert(out, d) end
  end
  return out
end
wait(20000, function() return #ours() > 0 end, 'the diagnostic')
local d = ours()[1]
local line_diags = vim.lsp.diagnostic.get_line_diagnostics(buf, d.lnum)
local client = vim.lsp.get_client_by_id(client_id)
local params = { textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
  context = { diagnostics = line_diags } }
local result = client.request_sync('textDocument/codeAction', params, 10000, buf)
if not result or result.err then fail('codeAction failed') end
local fix
for _, a in ipairs(result.result or {}) do
  if a.edit and a.title:find('Key Vault') then fix = a end
end
if not fix then fail('no Key Vault fix') end
vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
wait(20000, function() return #ours() == 0 end, 'the finding to go after the edit')
print('lsp-check: PASS ' .. fix.title)
vim.lsp.stop_client(client_id)
vim.cmd('qall!')

// Extension-host tests: the real language client against the real server, through the vscode
// API. Waits on onDidChangeDiagnostics, never sleeps.
const assert = require('node:assert');
const vscode = require('vscode');

const TARGET = 'solution/environmentvariabledefinitions/cnt_SmsGatewayToken/environmentvariablevalues.json';

function diagnosticsOf(uri, pred) {
  return new Promise((resolve) => {
    const check = () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'd365sec');
      if (pred(d)) {
        sub.dispose();
        resolve(d);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

describe('d365sec in the extension host', () => {
  const folder = () => vscode.workspace.workspaceFolders[0];
  const untrusted = () => folder().name.endsWith('-untrusted');

  it('runs in the trust mode the folder was opened with', () => {
    console.log(`d365sec-test isTrusted=${vscode.workspace.isTrusted} folder=${folder().name}`);
    assert.strictEqual(vscode.workspace.isTrusted, !untrusted());
  });

  it('reports the plaintext secret with code, docs link and severity', async () => {
    const uri = vscode.Uri.joinPath(folder().uri, TARGET);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const d = await diagnosticsOf(uri, (x) => x.some((y) => codeOf(y) === 'D365S050'));
    const f = d.find((y) => codeOf(y) === 'D365S050');
    assert.strictEqual(f.severity, vscode.DiagnosticSeverity.Error);
    assert.match(String(f.code.target), /docs\/rules\/envvar-plaintext-secret\.md$/);
    assert.ok(!f.message.includes(/"value"\s*:\s*"([^"]+)"/.exec(doc.getText())[1]), 'message must not hold the secret');
  });

  it('applies the Key Vault quick fix and the finding goes', async () => {
    const uri = vscode.Uri.joinPath(folder().uri, TARGET);
    const d = vscode.languages.getDiagnostics(uri).find((y) => codeOf(y) === 'D365S050');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /Key Vault/.test(a.title));
    assert.ok(fix, `no Key Vault fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await diagnosticsOf(uri, (x) => !x.some((y) => codeOf(y) === 'D365S050'));
    const def = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder().uri, 'solution/environmentvariabledefinitions/cnt_SmsGatewayToken/environmentvariabledefinition.xml'));
    assert.match(def.getText(), /<type>100000005<\/type>/);
  });

  it('the scan command fills the Problems panel with workspace files', async () => {
    const n = await vscode.commands.executeCommand('d365sec.scanWorkspace');
    assert.ok(n > 0, `scan returned ${n}`);
    const all = vscode.languages.getDiagnostics().filter(([, ds]) => ds.some((x) => x.source === 'd365sec'));
    assert.ok(all.length > 1, 'findings in more than one file');
  });
});

function codeOf(d) {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

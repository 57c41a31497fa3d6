import { describe, expect, it } from 'vitest';
import { parseFile } from '../../server/src/core/engine';
import { HOLE } from '../../server/src/core/types';
import type { TextDocument } from '../../server/src/parsers/text';

const parse = (path: string, text: string): TextDocument => {
  const d = parseFile({ path, text });
  expect(d?.kind).toBe('text');
  return d as TextDocument;
};
const at = (doc: TextDocument, name: string) => doc.strings.find((s) => s.name === name && !s.inComment);
const slice = (doc: TextDocument, s: { span: { start: number; end: number } }) => doc.file.text.slice(s.span.start, s.span.end);
const lineOf = (doc: TextDocument, s: { span: { start: number } }) => doc.lines.positionAt(s.span.start).line + 1;

describe('text parser: .env', () => {
  const text = [
    '# service settings',
    'export API_BASE=https://api.fabrikam.test/v2',
    'DB_PASSWORD="Qx7!mw\\"p2#z"   # rotate quarterly',
    "SIGNING_KEY='a$b`c'",
    'EMPTY=',
    'TOKEN=abc123def # trailing',
    'PEM="-----BEGIN PRIVATE KEY-----',
    'MIIBVwIBADANBg',
    '-----END PRIVATE KEY-----"',
    'AFTER=1',
  ].join('\n');
  const doc = parse('deploy/.env.production', text);

  it('names values by key, decodes quotes, keeps exact spans', () => {
    expect(doc.role).toBe('dotenv');
    expect(at(doc, 'API_BASE')?.value).toBe('https://api.fabrikam.test/v2');
    const pw = at(doc, 'DB_PASSWORD')!;
    expect(pw.value).toBe('Qx7!mw"p2#z');
    expect(slice(doc, pw)).toBe('"Qx7!mw\\"p2#z"');
    expect(at(doc, 'SIGNING_KEY')?.value).toBe('a$b`c');
    expect(at(doc, 'EMPTY')).toBeUndefined();
    const tok = at(doc, 'TOKEN')!;
    expect(tok.value).toBe('abc123def');
    expect(slice(doc, tok)).toBe('abc123def');
  });
  it('reads multi-line quoted values and goes on after them', () => {
    const pem = at(doc, 'PEM')!;
    expect(pem.value).toContain('BEGIN PRIVATE KEY');
    expect(lineOf(doc, pem)).toBe(7);
    expect(lineOf(doc, at(doc, 'AFTER')!)).toBe(10);
  });
  it('records comments, including trailing ones, as comment facts', () => {
    expect(doc.comments.length).toBe(3);
    const c = doc.strings.filter((s) => s.inComment);
    expect(c.map((s) => s.value)).toEqual(['service settings', 'rotate quarterly', 'trailing']);
    expect(c.every((s) => s.origin === 'comment')).toBe(true);
  });
});

describe('text parser: YAML pipelines', () => {
  const yml = [
    'trigger:',
    '  - main',
    'variables:',
    '  - name: ServiceUser',
    '    value: svc-deploy@fabrikam.test',
    '  - name: ServicePassword',
    "    value: 'Wq8#nZ2!vL'",
    '  - group: release-secrets',
    'steps:',
    '  - task: PowerShell@2',
    '    inputs:',
    '      targetType: inline',
    '      script: |',
    '        # sign in',
    '        $pw = ConvertTo-SecureString "Lm3$x" -AsPlainText -Force',
    '        Connect-Thing -Url https://x.test `',
    '          -ClientSecret \'Zk9-long-value\'',
    '  - bash: pac auth create --username "$(User)" --password Rt5%qP0z  # deploy',
    '    displayName: Sign in',
    '  - script: "echo \\"done\\""',
    'env:',
    '  API_TOKEN: ghp_example   # comment',
  ].join('\n');
  const doc = parse('build/azure-pipelines.yml', yml);

  it('gives every scalar its dotted path, last key and exact span', () => {
    expect(doc.role).toBe('pipeline');
    expect(doc.notices).toHaveLength(0);
    const trig = doc.strings.find((s) => s.path === 'trigger.0')!;
    expect(trig.value).toBe('main');
    expect(trig.name).toBe('trigger');
    const tok = at(doc, 'API_TOKEN')!;
    expect(tok.path).toBe('env.API_TOKEN');
    expect(slice(doc, tok)).toBe('ghp_example');
    expect(at(doc, 'displayName')?.value).toBe('Sign in');
  });
  it('binds list variables `- name: X / value: Y` to X', () => {
    const pw = at(doc, 'ServicePassword')!;
    expect(pw.value).toBe('Wq8#nZ2!vL');
    expect(pw.path).toBe('variables.ServicePassword');
    expect(slice(doc, pw)).toBe("'Wq8#nZ2!vL'");
    expect(lineOf(doc, pw)).toBe(7);
    expect(at(doc, 'ServiceUser')?.value).toBe('svc-deploy@fabrikam.test');
  });
  it('lexes script steps in place: commands, names, holes, comments', () => {
    const cmds = doc.commands!;
    expect(cmds.map((c) => c.text)).toEqual([
      '$pw = ConvertTo-SecureString "Lm3$x" -AsPlainText -Force',
      "Connect-Thing -Url https://x.test -ClientSecret 'Zk9-long-value'",
      'pac auth create --username "$(User)" --password Rt5%qP0z',
      'echo "done"',
    ]);
    expect(cmds[0]!.shell).toBe('powershell');
    expect(cmds[2]!.shell).toBe('bash');
    expect(lineOf(doc, { span: cmds[1]!.span })).toBe(16);
    const cs = at(doc, 'ClientSecret')!;
    expect(cs.value).toBe('Zk9-long-value');
    expect(lineOf(doc, cs)).toBe(17);
    expect(cs.callee).toBe('Connect-Thing');
    const ss = doc.strings.find((s) => s.callee === 'ConvertTo-SecureString')!;
    expect(ss.name).toBe('String');
    expect(ss.value).toBe(`Lm3${HOLE}`);
    expect(ss.partial).toBe(true);
    const pw = at(doc, 'password')!;
    expect(pw.value).toBe('Rt5%qP0z');
    expect(slice(doc, pw)).toBe('Rt5%qP0z');
    expect(at(doc, 'username')?.partial).toBe(true);
    const comments = doc.strings.filter((s) => s.inComment).map((s) => s.value);
    expect(comments).toEqual(['sign in', 'deploy', 'comment']);
  });
  it('turns a YAML syntax error into one notice and never throws', () => {
    const bad = parse('.github/workflows/ci.yml', 'jobs:\n  build:\n    steps: [a, b\n  x: "unterminated\n');
    expect(bad.notices).toHaveLength(1);
    expect(bad.notices[0]!.kind).toBe('parse-error');
    expect(bad.notices[0]!.message).toMatch(/^YAML: /);
  });
  it('takes the shell of a run step from `defaults: run: shell:`', () => {
    const d = parse('.github/workflows/build.yaml', 'defaults:\n  run:\n    shell: pwsh\njobs:\n  b:\n    steps:\n      - run: Write-Host "C:\\temp\\" ; $x = 1\n      - run: echo hi\n        shell: bash\n');
    expect(d.commands!.map((c) => c.shell)).toEqual(['powershell', 'bash']);
    expect(d.strings.find((s) => s.callee === 'Write-Host')?.value).toBe('C:\\temp\\');
  });
  it('binds Power Pages site setting values to their adx_name', () => {
    const d = parse('portal/site/sitesetting.yml', '- adx_name: Authentication/OpenAuth/Microsoft/ClientSecret\n  adx_sitesettingid: 0f1e2d3c-0000-4000-8000-000000000001\n  adx_value: Hk8~secret-value\n- adx_name: Search/Enabled\n  adx_value: true\n');
    const f = d.strings.find((s) => s.value === 'Hk8~secret-value')!;
    expect(f.name).toBe('Authentication/OpenAuth/Microsoft/ClientSecret');
    expect(d.lines.positionAt(f.span.start).line).toBe(2);
  });
  it('names template parameter defaults by the parameter', () => {
    const d = parse('pipelines/templates/deploy.yml', 'parameters:\n  - name: adminPassword\n    type: string\n    default: Pw9-default\non:\n  workflow_call:\n    inputs:\n      apiToken:\n        default: Tk4-default\n');
    expect(d.strings.find((s) => s.value === 'Pw9-default')?.name).toBe('adminPassword');
    expect(d.strings.find((s) => s.value === 'Tk4-default')?.name).toBe('apiToken');
  });
  it('keeps exact lines in CRLF pipelines', () => {
    const d = parse('azure-pipelines.yml', ['steps:', '- pwsh: |', '    $a = 1', '    Connect-Thing -ClientSecret "Xy7-abc"', '  displayName: x', 'variables:', '  Token: "Tk9-zz"'].join('\r\n'));
    expect(lineOf(d, at(d, 'ClientSecret')!)).toBe(4);
    expect(lineOf(d, at(d, 'Token')!)).toBe(7);
    expect(d.commands!.map((c) => c.text)).toEqual(['$a = 1', 'Connect-Thing -ClientSecret "Xy7-abc"']);
  });
  it('reads other YAML files too', () => {
    const d = parse('deploy/docker-compose.yml', 'services:\n  db:\n    environment:\n      SA_PASSWORD: "Hn4!qz8w"\n');
    expect(d.role).toBe('other');
    expect(at(d, 'SA_PASSWORD')?.path).toBe('services.db.environment.SA_PASSWORD');
  });
});

describe('text parser: PowerShell', () => {
  const ps = [
    '<# .SYNOPSIS',
    '   Deploys. Password=not-here #>',
    'param([string]$Environment = "uat")',
    '$Password = "Pz8!kw2q"',
    "$env:CRM_SECRET = 'Sx9-abc'",
    `$cred = New-Object PSCredential("svc@fabrikam.test", (ConvertTo-SecureString 'It''s7x' -AsPlainText -Force))`,
    '"Yb6!pp" | ConvertTo-SecureString -AsPlainText -Force',
    'Connect-Service -ClientSecret:"Qa1-b" -TenantId $tenant # inline',
    '$settings = @{ ApiKey = \'Kf4-zz\'; Url = "https://h.test/$path" }',
    '$body = @"',
    'user=me',
    'pass=$Password',
    '"@',
    "$lit = @'",
    'token=Vt3-literal',
    "'@",
    'Invoke-Thing `',
    '  -Uri "http://h.test"',
  ].join('\r\n');
  const doc = parse('scripts/Deploy-Solution.ps1', ps);

  it('names assignments, parameters and hashtable keys', () => {
    expect(doc.role).toBe('powershell');
    expect(at(doc, 'Environment')?.value).toBe('uat');
    expect(at(doc, 'Password')?.value).toBe('Pz8!kw2q');
    expect(lineOf(doc, at(doc, 'Password')!)).toBe(4);
    expect(at(doc, 'CRM_SECRET')?.value).toBe('Sx9-abc');
    expect(at(doc, 'ClientSecret')?.value).toBe('Qa1-b');
    expect(at(doc, 'ClientSecret')?.callee).toBe('Connect-Service');
    expect(at(doc, 'ApiKey')?.value).toBe('Kf4-zz');
    expect(at(doc, 'Url')?.partial).toBe(true);
  });
  it('finds ConvertTo-SecureString literals, positional or piped', () => {
    const ss = doc.strings.filter((s) => s.callee === 'ConvertTo-SecureString');
    expect(ss.map((s) => s.value)).toEqual(["It's7x", 'Yb6!pp']);
    expect(ss.every((s) => s.name === 'String')).toBe(true);
  });
  it('reads here-strings (expandable ones with holes) with their spans', () => {
    const body = at(doc, 'body')!;
    expect(body.value).toBe(`user=me\r\npass=${HOLE}`);
    expect(lineOf(doc, body)).toBe(10);
    expect(at(doc, 'lit')?.value).toBe('token=Vt3-literal');
  });
  it('keeps block and line comments apart from code', () => {
    expect(doc.comments).toHaveLength(2);
    expect(doc.strings.filter((s) => s.inComment).map((s) => s.value)).toEqual(['.SYNOPSIS\r\n   Deploys. Password=not-here', 'inline']);
    expect(at(doc, 'SYNOPSIS')).toBeUndefined();
  });
  it('joins backtick continuations into one command', () => {
    const c = doc.commands!.find((x) => x.text.startsWith('Invoke-Thing'))!;
    expect(c.text).toBe('Invoke-Thing -Uri "http://h.test"');
    expect(doc.strings.find((s) => s.name === 'Uri')?.value).toBe('http://h.test');
    expect(doc.commands!.some((x) => x.text.startsWith('user=me'))).toBe(false);
  });
});

describe('text parser: ini, shell, docs', () => {
  it('reads ini sections and both separators', () => {
    const d = parse('tools/sync.ini', '; legacy\n[crm]\nurl = https://c.test\npassword: "Ew2!kk9"\n[smtp]\nuser=mail ; note\n');
    expect(d.strings.find((s) => s.name === 'password')?.path).toBe('crm.password');
    expect(d.strings.find((s) => s.name === 'password')?.value).toBe('Ew2!kk9');
    expect(d.strings.find((s) => s.name === 'user')?.value).toBe('mail');
    expect(d.comments).toHaveLength(2);
  });
  it('reads shell scripts as commands with named arguments', () => {
    const d = parse('scripts/deploy.sh', 'export CLIENT_SECRET="Ht5~x"\ncurl -k \\\n  --user "a:b" https://h.test\n');
    expect(d.strings.find((s) => s.name === 'CLIENT_SECRET')?.value).toBe('Ht5~x');
    expect(d.commands!.map((c) => c.text)).toEqual(['export CLIENT_SECRET="Ht5~x"', 'curl -k --user "a:b" https://h.test']);
    expect(d.strings.find((s) => s.name === 'user')?.value).toBe('a:b');
  });
  it('gives documentation no string facts, only comment spans', () => {
    const d = parse('README.md', '# Setup\n\nSet `Password=changeme` in App.config.\n<!-- ClientSecret=abc -->\n');
    expect(d.role).toBe('docs');
    expect(d.strings).toHaveLength(0);
    expect(d.comments).toHaveLength(1);
  });
  it('never throws on odd input', () => {
    for (const [p, t] of [
      ['a.ps1', '"unterminated\n@"\nno end'],
      ['b.yml', ':\n- - ]]]['],
      ['.env', '=novalue\n"quoted\n'],
      ['c.sh', 'echo $(( 1 + 2 )) \\'],
    ] as const) {
      const d = parseFile({ path: p, text: t })!;
      expect(d.kind).toBe('text');
    }
  });
});

describe('generic string rules over text files', () => {
  const files = {
    'ops/.env': 'DB_PASSWORD=Qx7!mw2pLk9z\nERP_URL=http://erp.fabrikam.test/api\nCRM=AuthType=Office365;Url=https://f.crm.dynamics.com;Username=a@f.test;Password=Hj8!kz0qWe\n# OLD_PASSWORD=Zz9!old-value\n',
    '.github/workflows/release.yml':
      'env:\n  CLIENT_SECRET: Zx8Q~abcdefghijklmnopqrstuvwxyz0123456789\n  SECRET_REF: ${{ secrets.CLIENT_SECRET }}\njobs:\n  r:\n    steps:\n      - run: |\n          pac auth create --username svc@f.test --password \'Kp9!mzq2Xw\'\n          curl http://api.fabrikam.test/hook\n          curl http://localhost:7071/api/ping\n',
    'deploy/Run.ps1': '$Password = "Pz8!kw2qLm"\n$c = Get-CrmConnection -ConnectionString "AuthType=Office365;Url=https://f.crm.dynamics.com;Username=a@f.test;Password=$pw"\nInvoke-RestMethod -Uri "http://api.fabrikam.test/x"\n',
    'README.md': 'Set `Password=Pz8!kw2qLm` and call http://api.fabrikam.test/x.\n',
  };
  const found = async () => {
    const { builtinRules } = await import('../../rules/index');
    const { runRule } = await import('../rule-tester');
    const pick = ['credential-literal', 'password-connection-string', 'plain-http-endpoint'];
    return builtinRules.filter((r) => pick.includes(r.meta.name)).flatMap((r) => runRule(r, { files })).map((f) => `${f.path}:${f.range.start.line + 1} ${f.rule}`).sort();
  };
  it('fire on .env, pipeline and PowerShell values, never on docs, comments, references or loopback', async () => {
    expect(await found()).toEqual([
      '.github/workflows/release.yml:2 credential-literal',
      '.github/workflows/release.yml:8 credential-literal',
      '.github/workflows/release.yml:9 plain-http-endpoint',
      'deploy/Run.ps1:1 credential-literal',
      'deploy/Run.ps1:2 password-connection-string',
      'deploy/Run.ps1:3 plain-http-endpoint',
      'ops/.env:1 credential-literal',
      'ops/.env:2 plain-http-endpoint',
      'ops/.env:3 credential-literal',
      'ops/.env:3 password-connection-string',
    ]);
  });
});

describe('text parser: robustness', () => {
  it('never throws and keeps spans inside the text on random input', () => {
    // A small deterministic generator: the pieces are the syntax each reader cares about.
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const pieces = ['"', "'", '`', '@"', '"@', "@'", "'@", '<#', '#>', '#', '\n', '\r\n', ' ', '=', ':', '- ', '  ', '|', '>-', '$', '$(', ')', '{', '}', '[', ']', '\\', 'key', 'run: |', 'script:', '-Password', '--pw', 'export ', ';', '&&', '\u201c'];
    for (let k = 0; k < 300; k++) {
      let text = '';
      for (let j = rnd(60); j > 0; j--) text += pieces[rnd(pieces.length)];
      for (const path of ['a.ps1', 'b.yml', '.env', 'c.ini', 'd.sh', 'e.cmd', 'f.md', 'pipelines/g.yml']) {
        const d = parseFile({ path, text }) as TextDocument;
        for (const s of d.strings) {
          expect(s.span.start).toBeGreaterThanOrEqual(0);
          expect(s.span.end).toBeLessThanOrEqual(text.length);
          expect(s.span.end).toBeGreaterThanOrEqual(s.span.start);
        }
        for (const c of d.commands ?? []) expect(c.span.end).toBeLessThanOrEqual(text.length);
      }
    }
  });
});

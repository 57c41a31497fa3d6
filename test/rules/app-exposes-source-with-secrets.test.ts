import rule from '../../rules/unprotected-secret/app-exposes-source-with-secrets';
import { testRule } from '../rule-tester';

const manifest = (policy: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}): string =>
  JSON.stringify(
    {
      id: '6f1c1d5e-2b7a-4d4e-9d1f-1b2c3d4e5f60',
      name: 'Fleet Telematics',
      publisher: 'Fabrikam',
      version: '1.0.0.0',
      platform: '1.0.0.0',
      application: '25.0.0.0',
      idRanges: [{ from: 70000, to: 70049 }],
      runtime: '14.0',
      ...(policy ? { resourceExposurePolicy: policy } : {}),
      ...extra,
    },
    null,
    2,
  );
const secretCodeunit = [
  'codeunit 70001 "FLT Telematics Client"',
  '{',
  "    var",
  "        PartnerApiKeyTok: Label 'Tk7#Vq2mZp9xLw4r', Locked = true;",
  "        EndpointTxt: Label 'https://telematics.fabrikam.test/api', Locked = true;",
  '}',
].join('\n');
const cleanCodeunit = [
  'codeunit 70001 "FLT Telematics Client"',
  '{',
  '    [NonDebuggable]',
  '    procedure GetKey(): SecretText',
  '    var',
  '        Value: SecretText;',
  '    begin',
  "        IsolatedStorage.Get('FLT-PartnerKey', DataScope::Module, Value);",
  '        exit(Value);',
  '    end;',
  '}',
].join('\n');
const APP = 'apps/fleet/app.json';
const AL = 'apps/fleet/src/TelematicsClient.Codeunit.al';

testRule(rule, {
  valid: [
    { name: 'source not exposed', files: { [APP]: manifest({ allowDebugging: false, allowDownloadingSource: false, includeSourceInSymbolFile: false }), [AL]: secretCodeunit } },
    { name: 'no policy at all (defaults are false)', files: { [APP]: manifest(undefined), [AL]: secretCodeunit } },
  ],
  traps: [
    { name: 'trap: allowDebugging only', files: { [APP]: manifest({ allowDebugging: true, allowDownloadingSource: false }), [AL]: secretCodeunit } },
    { name: 'trap: source exposed but the AL holds no literal secret', files: { [APP]: manifest({ allowDownloadingSource: true, includeSourceInSymbolFile: true }), [AL]: cleanCodeunit } },
    {
      name: 'trap: the secret belongs to another app in the same repository',
      files: { [APP]: manifest({ allowDownloadingSource: true }), 'apps/fleet-test/app.json': manifest(undefined), 'apps/fleet-test/src/Mock.Codeunit.al': secretCodeunit, [AL]: cleanCodeunit },
    },
    { name: 'trap: secret only in a comment', files: { [APP]: manifest({ allowDownloadingSource: true }), [AL]: "codeunit 70001 X\n{\n    // old key: Label 'Tk7#Vq2mZp9xLw4r'\n}\n" } },
  ],
  invalid: [
    {
      name: 'download and symbols with a Label secret',
      files: { [APP]: manifest({ allowDebugging: false, allowDownloadingSource: true, includeSourceInSymbolFile: true }), [AL]: secretCodeunit },
      errors: [{ line: 17, message: 'PartnerApiKeyTok' }],
      secrets: ['Tk7#Vq2mZp9xLw4r'],
    },
    {
      name: 'legacy showMyCode with a secret assigned in code',
      files: { [APP]: manifest(undefined, { showMyCode: true }), 'apps/fleet/src/Setup.Codeunit.al': "codeunit 70002 S\n{\n    procedure Init()\n    begin\n        ApiPassword := 'Rq8!nX3vLm2k';\n    end;\n}\n" },
      errors: [{ line: 15, message: 'showMyCode' }],
    },
  ],
});

import rule from '../../rules/unprotected-secret/al-isolated-storage-unprotected';
import { testRule } from '../rule-tester';

const P = 'app/src/Vault.Codeunit.al';
const cu = (body: string, params = 'NewSecret: SecretText'): string =>
  `codeunit 60900 "FAB Vault"\n{\n    procedure Save(var Setup: Record "FAB Setup"; ${params})\n    var\n        LastSyncKeyTok: Label 'FAB-LAST-SYNC', Locked = true;\n    begin\n${body}\n    end;\n}`;

testRule(rule, {
  valid: [{ name: 'encrypted per company', path: P, code: cu('        IsolatedStorage.SetEncrypted(Setup."Secret Key", NewSecret, DataScope::Company);') }],
  traps: [
    { name: 'trap: a timestamp, not a secret', path: P, code: cu('        IsolatedStorage.Set(LastSyncKeyTok, Format(CurrentDateTime()), DataScope::Module);') },
    { name: 'trap: reading the secret', path: P, code: cu('        IsolatedStorage.Get(Setup."Secret Key", DataScope::Company, NewSecret);') },
    { name: 'trap: app-wide secret under a constant key, encrypted', path: P, code: cu("        IsolatedStorage.SetEncrypted('FAB-APP-SECRET', NewSecret, DataScope::Module);") },
    {
      name: 'trap: Set as the fallback when encryption is off',
      path: P,
      code: cu('        if not EncryptionEnabled() then\n            IsolatedStorage.Set(Setup."Secret Key", NewSecret, DataScope::Company)\n        else\n            IsolatedStorage.SetEncrypted(Setup."Secret Key", NewSecret, DataScope::Company);'),
    },
    { name: 'trap: SecretText token per user with Set', path: P, code: cu('        IsolatedStorage.Set(Setup."Secret Key", NewSecret, DataScope::User);') },
    { name: 'trap: per-user encrypted', path: P, code: cu('        IsolatedStorage.SetEncrypted(Setup."Secret Key", NewSecret, DataScope::User);') },
  ],
  invalid: [
    {
      name: 'password stored unencrypted at module scope',
      path: P,
      code: cu("        IsolatedStorage.Set('FAB-SVC', NewPassword, DataScope::Module);", 'NewPassword: Text'),
      errors: [{ line: 7, message: 'unencrypted' }],
    },
    { name: 'Text secret stored with Set at company scope', path: P, code: cu('        isolatedstorage.set(Setup."Secret Key", ApiToken, DATASCOPE::Company);', 'ApiToken: Text'), errors: [{ line: 7 }] },
    { name: 'SecretText stored with Set at module scope', path: P, code: cu("        IsolatedStorage.Set('FAB-SECRET', NewSecret, DataScope::Module);"), errors: [{ line: 7, message: 'shared by every company' }] },
    {
      name: 'per-company record secret at default module scope',
      path: P,
      code: cu('        IsolatedStorage.SetEncrypted(Setup."Secret Key", NewSecret);'),
      errors: [{ line: 7, message: 'every company' }],
    },
  ],
});

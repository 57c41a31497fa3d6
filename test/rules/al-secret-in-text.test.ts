import rule from '../../rules/unprotected-secret/al-secret-in-text';
import { testRule } from '../rule-tester';

const P = 'app/src/Gateway.Codeunit.al';
const cu = (members: string): string => `codeunit 60700 "FAB Gateway"\n{\n${members}\n}`;

testRule(rule, {
  valid: [
    { name: 'SecretText parameter and encrypted storage', path: P, code: cu("    procedure SetToken(NewToken: SecretText)\n    begin\n        IsolatedStorage.SetEncrypted('FAB-TOKEN', NewToken, DataScope::Company);\n    end;") },
  ],
  traps: [
    { name: 'trap: SecretText return without NonDebuggable', path: P, code: cu("    procedure GetClientSecret() Secret: SecretText\n    begin\n        IsolatedStorage.Get('FAB-CS', DataScope::Company, Secret);\n    end;") },
    { name: 'trap: NonDebuggable Text variable a page binds', path: 'app/src/Setup.Page.al', code: 'page 60701 "FAB Setup"\n{\n    var\n        [NonDebuggable]\n        ClientSecretValue: Text;\n}' },
    { name: 'trap: key name and labels', path: P, code: cu("    var\n        PasswordKeyTok: Label 'FAB-PWD', Locked = true;\n        PasswordMissingErr: Label 'No password.';\n\n    procedure HasPassword(PasswordKey: Text): Boolean\n    begin\n        exit(IsolatedStorage.Contains(PasswordKey));\n    end;") },
    {
      name: 'trap: Text secret used only inside a NonDebuggable procedure',
      path: P,
      code: cu("    [NonDebuggable]\n    procedure Call(var Headers: HttpHeaders)\n    var\n        ApiKey: Text;\n    begin\n        IsolatedStorage.Get('FAB-KEY', DataScope::Company, ApiKey);\n        Headers.Add('x-api-key', ApiKey);\n    end;"),
    },
    { name: 'trap: a variable that only clears a token', path: P, code: cu("    procedure ClearTokens()\n    var\n        EmptyTokenValue: Text;\n    begin\n        EmptyTokenValue := '';\n        SetToken(TokenKey, EmptyTokenValue);\n    end;") },
    { name: 'trap: a non-secret setting from isolated storage', path: P, code: cu("    procedure LastSync(): Text\n    var\n        Value: Text;\n    begin\n        IsolatedStorage.Get('FAB-LAST-SYNC', DataScope::Company, Value);\n        exit(Value);\n    end;") },
    { name: 'trap: Unwrap inside NonDebuggable', path: P, code: cu("    [NonDebuggable]\n    procedure Sign(Key: SecretText): Text\n    begin\n        exit(Hmac(Key.Unwrap()));\n    end;") },
  ],
  invalid: [
    {
      name: 'Text password parameter without NonDebuggable',
      path: P,
      code: cu("    procedure SetPassword(NewPassword: Text[250])\n    begin\n        IsolatedStorage.SetEncrypted('FAB-PWD', NewPassword, DataScope::Company);\n    end;"),
      errors: [{ line: 3, message: 'NewPassword' }],
    },
    {
      name: 'NonDebuggable procedure returns the Text secret',
      path: P,
      code: cu("    [NonDebuggable]\n    procedure BuildAuth(): Text\n    var\n        ClientSecret: Text;\n    begin\n        IsolatedStorage.Get('FAB-CS', DataScope::Company, ClientSecret);\n        exit('cs=' + ClientSecret);\n    end;"),
      errors: [{ line: 6, message: 'leaves the [NonDebuggable] scope' }],
    },
    { name: 'getter returns a secret as Text', path: P, code: cu("    [NonDebuggable]\n    procedure GetApiKey(): Text\n    begin\n        exit(Setup.\"Api Key\");\n    end;"), errors: [{ line: 4 }] },
    { name: 'Unwrap in a debuggable procedure', path: P, code: cu("    procedure Log(Token: SecretText)\n    begin\n        Send(Token.Unwrap());\n    end;"), errors: [{ line: 5, message: 'unwraps' }] },
    {
      name: 'secret read from isolated storage into a plain Text',
      path: P,
      code: cu("    var\n        ErpPasswordKeyTok: Label 'FAB-ERP-PWD', Locked = true;\n\n    procedure Login()\n    var\n        Value: Text;\n    begin\n        IsolatedStorage.Get(ErpPasswordKeyTok, DataScope::Company, Value);\n        Connect(Value);\n    end;"),
      errors: [{ line: 10, message: 'reads the secret' }],
    },
    { name: 'global Text secret', path: P, code: cu('    var\n        AccessToken: Text;'), errors: [{ line: 4 }] },
  ],
});

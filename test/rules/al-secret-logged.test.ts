import rule from '../../rules/unprotected-secret/al-secret-logged';
import { testRule } from '../rule-tester';

const P = 'app/src/Erp.Codeunit.al';
const cu = (vars: string, body: string): string =>
  `codeunit 60800 "FAB Erp"\n{\n    var\n        KeyMissingErr: Label 'The ERP API key is missing.';\n        ApiKeyMissingErr: Label 'The API key is missing for %1.';\n\n    procedure Call(Setup: Record "FAB Erp Setup"; Response: HttpResponseMessage)\n    var\n${vars}\n    begin\n${body}\n    end;\n}`;

testRule(rule, {
  valid: [{ name: 'message without secrets', path: P, code: cu('        Customer: Code[20];', "        Message('Synced %1', Customer);") }],
  traps: [
    { name: 'trap: label named like a key', path: P, code: cu('        Customer: Code[20];', '        Error(ApiKeyMissingErr, Customer);') },
    {
      name: 'trap: telemetry with a status code',
      path: P,
      code: cu('        Customer: Code[20];', "        Session.LogMessage('FAB01', StrSubstNo('ERP answered %1 for %2', Response.HttpStatusCode(), Customer), Verbosity::Normal,\n            DataClassification::SystemMetadata, TelemetryScope::ExtensionPublisher, 'Category', 'ERP');"),
    },
    { name: 'trap: length of the password', path: P, code: cu('        Password: Text;', "        if StrLen(Password) < 12 then\n            Error('Password is shorter than %1 characters', StrLen(Password));") },
    {
      name: 'trap: custom dimensions without secrets',
      path: P,
      code: cu('        Dims: Dictionary of [Text, Text];\n        Customer: Code[20];', "        Dims.Add('customer', Customer);\n        Session.LogMessage('FAB05', 'ERP call', Verbosity::Normal, DataClassification::SystemMetadata, TelemetryScope::All, Dims);"),
    },
    {
      name: 'trap: Guid field named like the key',
      files: {
        [P]: cu('        Customer: Code[20];', "        Message('Key stored under %1', Setup.\"Api Key\");"),
        'app/src/ErpSetup.Table.al': 'table 60801 "FAB Erp Setup"\n{\n    fields\n    {\n        field(1; "Api Key"; Guid) { }\n    }\n}',
      },
    },
    { name: 'trap: key id of isolated storage', path: P, code: cu('        Customer: Code[20];', "        Message('Stored under %1', Setup.\"Api Key Id\");") },
  ],
  invalid: [
    {
      name: 'authorization header to telemetry',
      path: P,
      code: cu('        AuthHeader: Text;', "        AuthHeader := BuildAuth();\n        Session.LogMessage('FAB02', 'ERP call with ' + AuthHeader, Verbosity::Verbose,\n            DataClassification::SystemMetadata, TelemetryScope::All, 'Category', 'ERP');"),
      errors: [{ line: 12, message: 'AuthHeader' }],
    },
    { name: 'password in an error through StrSubstNo', path: P, code: cu('        Pwd: Text;', "        Error(StrSubstNo('Login failed for password %1', Pwd));"), errors: [{ line: 11 }] },
    { name: 'credential field in a message', path: P, code: cu('        Customer: Code[20];', "        Message('Key: %1', Setup.\"Client Secret\");"), errors: [{ line: 11, message: 'Client Secret' }] },
    {
      name: 'secret in custom dimensions of LogMessage',
      path: P,
      code: cu('        Dims: Dictionary of [Text, Text];\n        ApiKey: Text;', "        Dims.Add('endpoint', 'erp');\n        Dims.Add('key', ApiKey);\n        Session.LogMessage('FAB04', 'ERP call', Verbosity::Normal, DataClassification::SystemMetadata, TelemetryScope::All, Dims);"),
      errors: [{ line: 14, message: 'custom dimensions' }],
    },
    { name: 'password in a notification', path: P, code: cu('        Notif: Notification;\n        NewPassword: Text;', "        Notif.Message(StrSubstNo('Temporary password: %1', NewPassword));\n        Notif.Send();"), errors: [{ line: 12 }] },
    { name: 'unwrapped token to feature telemetry', path: P, code: cu('        Token: SecretText;\n        FeatureTelemetry: Codeunit "Feature Telemetry";', "        FeatureTelemetry.LogError('FAB03', 'ERP', 'token', Token.Unwrap());"), errors: [{ line: 12 }] },
  ],
});

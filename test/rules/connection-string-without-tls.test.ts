import rule from '../../rules/insecure-transport/connection-string-without-tls';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    { name: 'https storage and encrypted SQL', path: 'src/Sync/local.settings.json', code: '{ "Values": { "Storage": "DefaultEndpointsProtocol=https;AccountName=stsync;EndpointSuffix=core.windows.net", "Sql": "Server=tcp:sql-sync.database.windows.net,1433;Database=sync;Encrypt=True;" } }' },
    { name: 'no connection string', path: 'src/Sync/appsettings.json', code: '{ "Logging": { "LogLevel": { "Default": "Information" } } }' },
  ],
  traps: [
    { name: 'trap: storage emulator over http', path: 'src/Sync/local.settings.json', code: '{ "Values": { "AzureWebJobsStorage": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;" } }' },
    { name: 'trap: local SQL without encryption', path: 'src/Sync/appsettings.Development.json', code: '{ "ConnectionStrings": { "Db": "Server=(localdb)\\\\MSSQLLocalDB;Database=sync;Encrypt=False;Trusted_Connection=True;" } }' },
    { name: 'trap: commented-out value', path: '.env', code: '# SQL=Server=sql01.fabrikam.lan;Database=x;Encrypt=False;\n' },
  ],
  invalid: [
    {
      name: 'storage over http in local.settings.json',
      path: 'src/Sync/local.settings.json',
      code: '{\n  "IsEncrypted": false,\n  "Values": {\n    "AzureWebJobsStorage": "DefaultEndpointsProtocol=http;AccountName=stsyncprod;EndpointSuffix=core.windows.net"\n  }\n}\n',
      errors: [{ line: 4, message: 'DefaultEndpointsProtocol=http' }],
    },
    {
      name: 'remote SQL with Encrypt=False in App.config',
      path: 'src/Tools/App.config',
      code: '<configuration>\n  <connectionStrings>\n    <add name="Staging" connectionString="Server=sql01.fabrikam.lan;Database=Staging;Encrypt=False;Integrated Security=True" />\n  </connectionStrings>\n</configuration>\n',
      errors: [{ line: 3, message: 'Encrypt=False' }],
    },
    { name: 'PostgreSQL with SslMode=Disable in .env', path: 'ops/.env', code: 'PG=Host=pg.fabrikam.test;Database=crm;Username=app;SslMode=Disable\n', errors: [{ line: 1 }] },
  ],
});

import rule from '../../rules/unprotected-secret/csharp-logs-secret';
import { testRule } from '../rule-tester';

const plugin = (body: string): string =>
  [
    'using System;',
    'using Microsoft.Xrm.Sdk;',
    'public sealed class PaymentSync : IPlugin',
    '{',
    '    private readonly GatewaySettings _cfg;',
    '    public void Execute(IServiceProvider sp)',
    '    {',
    '        var tracing = (ITracingService)sp.GetService(typeof(ITracingService));',
    body,
    '    }',
    '}',
  ].join('\n');

const tool = (body: string): string => ['using Microsoft.Extensions.Logging;', 'sealed class Job', '{', '    private readonly ILogger<Job> _logger;', '    public async Task RunAsync(IConfiguration config)', '    {', body, '    }', '}'].join('\n');

testRule(rule, {
  valid: [
    { name: 'traces ids only', path: 'src/PaymentSync.cs', code: plugin('        tracing.Trace("Syncing payment {0} for {1}", paymentId, _cfg.MerchantId);') },
    { name: 'logs the endpoint', path: 'src/Job.cs', code: tool('        _logger.LogInformation("Calling {Endpoint}", config["Gateway:Url"]);') },
  ],
  traps: [
    { name: 'trap: the status of a response, not its headers', path: 'tools/Job.cs', code: tool('        var response = await http.SendAsync(request);\n        _logger.LogInformation("Partner answered {Status}", response.StatusCode);') },
    { name: 'trap: a reader that returns the name of a secret, not the secret', path: 'tools/Job.cs', code: tool('        var secretName = Vault.GetSecretName(config, PartnerApiKeyVariable);\n        _logger.LogInformation("Reading {Name}", secretName);') },
    { name: 'trap: a setting read by name that is no secret', path: 'tools/Job.cs', code: tool('        var size = Settings.GetValue(config, BatchSizeVariable);\n        _logger.LogInformation("Batch size {Size}", size);') },
    { name: 'trap: password length only', path: 'src/PaymentSync.cs', code: plugin('        tracing.Trace("password length {0}", _cfg.Password?.Length ?? 0);') },
    { name: 'trap: name of the Key Vault secret', path: 'src/Job.cs', code: tool('        _logger.LogDebug("Reading {Name}", config["Gateway:ApiKeySecretName"]);') },
    { name: 'trap: masked value', path: 'src/PaymentSync.cs', code: plugin('        tracing.Trace("key ends with {0}", Mask(_cfg.ApiKey));') },
    { name: 'trap: thumbprint', path: 'src/PaymentSync.cs', code: plugin('        tracing.Trace("Using certificate {0}", _cfg.CertificateThumbprint);') },
    { name: 'trap: token expiry', path: 'src/Job.cs', code: tool('        var result = await app.AcquireTokenForClient(scopes).ExecuteAsync();\n        Console.WriteLine($"Token acquired, expires {result.ExpiresOn:u}");') },
    { name: 'trap: secret presence as a boolean', path: 'src/PaymentSync.cs', code: plugin('        tracing.Trace("key configured: {0}", !string.IsNullOrEmpty(_cfg.ApiKey));') },
    { name: 'trap: commented-out trace of the password', path: 'src/PaymentSync.cs', code: plugin('        // tracing.Trace("pwd {0}", _cfg.Password);') },
    { name: 'trap: header names and forwarded-for values', path: 'src/Job.cs', code: tool('        req.Headers.TryGetValues("X-Forwarded-For", out var ips);\n        _logger.LogInformation("From {Ip}; auth scheme {Scheme}", string.Join(",", ips), request.Headers.Authorization?.Scheme);') },
    { name: 'trap: whether a password is set', path: 'src/PaymentSync.cs', code: plugin('        var hasPassword = !string.IsNullOrEmpty(_cfg.Password);\n        tracing.Trace("has password: {0}", hasPassword);') },
    { name: 'trap: unsecure configuration', path: 'src/Cfg.cs', code: 'public sealed class Cfg : IPlugin\n{\n    public Cfg(string unsecureConfig, string secureConfig)\n    {\n        Trace.WriteLine("config: " + unsecureConfig);\n    }\n}' },
    { name: 'trap: exception with the user name', path: 'src/PaymentSync.cs', code: plugin('        throw new InvalidPluginExecutionException($"Gateway refused {_cfg.UserName}");') },
  ],
  invalid: [
    { name: 'every header of an incoming request to the log', path: 'tools/Job.cs', code: tool('        _logger.LogInformation("headers: {Headers}", string.Join("; ", request.Headers.Select(h => h.Key + "=" + string.Join(",", h.Value))));'), errors: [{ line: 7, message: 'request headers' }] },
    { name: 'a connection string from configuration to the log', path: 'tools/Job.cs', code: tool('        var cs = config.GetConnectionString("Reporting");\n        _logger.LogInformation("Opening {ConnectionString}", cs);'), errors: [{ line: 8, message: 'connection string' }] },
    { name: 'a value read by the name of an API key variable, to the plug-in trace', path: 'src/PaymentSync.cs', code: plugin('        var subscription = EnvReader.GetValue(service, Endpoints.PartnerApiKeyVariable);\n        tracing.Trace("Calling with " + subscription);'), errors: [{ line: 10, message: 'PartnerApiKeyVariable' }] },
    {
      name: 'top-level program prints a connection string built with the password',
      path: 'tools/Sync/Program.cs',
      code: 'var pwd = Environment.GetEnvironmentVariable("SYNC_PWD");\nvar conn = "AuthType=AD;Url=https://crm.corp.local/Org;Username=svc;" +\n           $"Password={pwd}";\nConsole.WriteLine($"Connecting with {conn}");',
      errors: [{ line: 4 }],
    },
    { name: 'API key to the plug-in trace', path: 'src/PaymentSync.cs', code: plugin('        var apiKey = _cfg.Key;\n        tracing.Trace("Calling gateway with {0}", apiKey);'), errors: [{ line: 10, message: 'apiKey' }] },
    { name: 'password in an exception message', path: 'src/PaymentSync.cs', code: plugin('        throw new InvalidPluginExecutionException(\n            $"Gateway login failed for {_cfg.UserName} / {_cfg.Password}");'), errors: [{ line: 10 }] },
    { name: 'access token to the console', path: 'src/Job.cs', code: tool('        var result = await app.AcquireTokenForClient(scopes).ExecuteAsync();\n        Console.WriteLine("Bearer " + result.AccessToken);'), errors: [{ line: 8 }] },
    { name: 'connection string to ILogger', path: 'src/Job.cs', code: tool('        var connectionString = config.GetConnectionString("Crm");\n        _logger.LogInformation("Connecting with {ConnectionString}", connectionString);'), errors: [{ line: 8 }] },
    { name: 'secure configuration traced in the constructor', path: 'src/Cfg.cs', code: 'public sealed class Cfg : IPlugin\n{\n    public Cfg(string unsecure, string secure)\n    {\n        Trace.WriteLine("secure config: " + secure);\n    }\n}', errors: [{ line: 5 }] },
    { name: 'Key Vault secret value through a local', path: 'src/Job.cs', code: tool('        KeyVaultSecret secret = await vault.GetSecretAsync("crm-client-secret");\n        _logger.LogDebug("Got {Value}", secret.Value);'), errors: [{ line: 8 }] },
    { name: 'credential column value', path: 'src/PaymentSync.cs', code: plugin('        var target = (Entity)ctx.InputParameters["Target"];\n        tracing.Trace("new key: " + target.GetAttributeValue<string>("fab_apikey"));'), errors: [{ line: 10 }] },
    { name: 'secure configuration field', path: 'src/PaymentSync.cs', code: plugin('        tracing.Trace($"config {_secureConfigJson}");'), errors: [{ line: 9 }] },
    {
      name: 'incoming Authorization header values logged',
      path: 'src/Job.cs',
      code: tool('        req.Headers.TryGetValues("Authorization", out var values);\n        _logger.LogInformation("Caller {Ip} sent {Auth}", ip, string.Join(",", values ?? Array.Empty<string>()));'),
      errors: [{ line: 8 }],
    },
    { name: 'Authorization header parameter traced', path: 'src/Job.cs', code: tool('        Console.WriteLine("auth: " + request.Headers.Authorization.Parameter);'), errors: [{ line: 7 }] },
    { name: 'client secret read from configuration', path: 'src/Job.cs', code: tool('        Debug.WriteLine(config["Crm:ClientSecret"]);'), errors: [{ line: 7 }] },
  ],
});

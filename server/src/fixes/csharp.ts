/**
 * Key Vault fixes for a hard-coded secret in C#.
 *
 * - Dataverse plug-ins run in the sandbox and cannot reach Key Vault with their own identity, so
 *   the value becomes a Dataverse environment variable of type Secret (its value is a Key Vault
 *   reference) read through the RetrieveEnvironmentVariableSecretValue message (formats.md §10).
 *   A small helper file (EnvironmentSecrets.cs) is added beside the file once per project, and the
 *   variable's definition is added to the unpacked solution when there is one.
 * - Console tools and Azure Functions read it with SecretClient + DefaultAzureCredential
 *   (Azure.Security.KeyVault.Secrets, Azure.Identity); using directives and PackageReferences
 *   are added where missing.
 *
 * A `const` cannot hold a call, so a const field becomes a static property (plug-in) or a static
 * readonly field (hosted), keeping its name and type so every reference still compiles.
 */
import { openBraces, stringExpression } from './literal';
import { boundName, dirname, envVarSchemaName, eolOf, join, kebab, nearest, vaultUri } from './names';
import { envVarDefinitionXml, solutionRootOf } from './solution';
import { ROTATE_NOTE, type FileChange, type Fix, type FixContext, type TextEdit } from './types';

export const PACKAGES: [string, string][] = [
  ['Azure.Identity', '1.13.2'],
  ['Azure.Security.KeyVault.Secrets', '4.7.0'],
];

type Host = 'plugin' | 'hosted';

export function csharpFixes(ctx: FixContext): Fix[] {
  const { text, finding } = ctx;
  const expr = stringExpression(text, finding.span, 'csharp');
  if (!expr) return [];
  const name = boundName(text, expr.start, finding.fixData?.name);
  const decl = declarationOf(text, expr.start, expr.end);
  const csproj = nearest(ctx.files, ctx.path, /\.csproj$/i);
  const host = hostOf(text, csproj ? ctx.files.read(csproj) : undefined);
  return host === 'plugin' ? [pluginFix(ctx, expr, name, decl)] : [hostedFix(ctx, expr, name, decl, csproj)];
}

function hostOf(text: string, csproj: string | undefined): Host {
  const functions = /\[(FunctionName|Function)\s*\(/.test(text) || /Microsoft\.(NET\.Sdk\.Functions|Azure\.Functions)/i.test(csproj ?? '');
  if (functions) return 'hosted';
  if (/\bIPlugin\b|\bPluginBase\b|IPluginExecutionContext|LocalPluginContext|CodeActivity\b/.test(text)) return 'plugin';
  if (/Microsoft\.CrmSdk\.CoreAssemblies/i.test(csproj ?? '') && !/<OutputType>\s*Exe/i.test(csproj ?? '')) return 'plugin';
  return 'hosted';
}

/** A declaration `[modifiers] const? type Name = <expr>;` whose initializer is the expression. */
interface Declaration {
  /** From the first modifier to the `=` (exclusive). */
  head: { start: number; end: number; text: string };
  /** Access modifiers only (`internal`, `private`), without const/static/readonly. */
  access: string;
  isConst: boolean;
  isField: boolean;
  type: string;
  name: string;
}

function declarationOf(text: string, start: number, end: number): Declaration | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const m = /^(\s*)((?:(?:public|private|internal|protected|static|readonly|const|new)\s+)*)([\w.<>?\[\], ]+?)\s+([A-Za-z_]\w*)\s*=\s*$/.exec(before);
  if (!m || !/^\s*;/.test(text.slice(end))) return undefined;
  const modifiers = m[2]!;
  const braces = openBraces(text, start, 'csharp');
  const open = braces[braces.length - 1];
  const owner = open === undefined ? '' : text.slice(Math.max(0, open - 300), open);
  const isField = /\b(class|struct|record)\s+\w+[^;{}()]*$|\b(class|struct|record)\s+\w+\s*(\([^)]*\))?\s*(:[^{;]*)?$/.test(owner);
  const headStart = lineStart + m[1]!.length;
  return {
    head: { start: headStart, end: start, text: text.slice(headStart, start) },
    access: modifiers.split(/\s+/).filter((w) => /^(public|private|internal|protected|new)$/.test(w)).join(' '),
    isConst: /\bconst\b/.test(modifiers),
    isField,
    type: m[3]!.trim(),
    name: m[4]!,
  };
}

function pluginFix(ctx: FixContext, expr: { start: number; end: number }, name: string, decl: Declaration | undefined): Fix {
  const { text, files, path } = ctx;
  const schema = envVarSchemaName(decl?.name ?? name, files);
  const edits: TextEdit[] = [];
  const service = decl?.isField ? undefined : serviceInScope(text, expr.start);
  const read = service ? `EnvironmentSecrets.Get(${service}, "${schema}")` : `EnvironmentSecrets.Get("${schema}")`;
  if (decl?.isField && decl.isConst) {
    // const -> static property with the same name and type: references keep compiling.
    const head = `${decl.access ? decl.access + ' ' : ''}static ${decl.type} ${decl.name} => `;
    edits.push({ span: { start: decl.head.start, end: expr.end }, newText: head + read });
  } else if (decl?.isField) {
    // Instance/static field initializers run outside any execution: make it a property too.
    const isStatic = /\bstatic\b/.test(decl.head.text) ? 'static ' : '';
    edits.push({ span: { start: decl.head.start, end: expr.end }, newText: `${decl.access ? decl.access + ' ' : ''}${isStatic}${decl.type} ${decl.name} => ${read}` });
  } else if (decl?.isConst) {
    edits.push({ span: { start: decl.head.start, end: expr.end }, newText: decl.head.text.replace(/\bconst\s+/, '') + read });
  } else {
    edits.push({ span: expr, newText: read });
  }
  const changes: FileChange[] = [{ path, edits }];
  const helper = helperChange(ctx);
  if (helper.change) changes.push(helper.change);
  if (helper.namespace) {
    const u = usingEdit(text, helper.namespace);
    if (u) edits.push(u);
  }
  const root = solutionRootOf(files);
  const defPath = root !== undefined ? join(root, `environmentvariabledefinitions/${schema}/environmentvariabledefinition.xml`) : undefined;
  if (defPath && files.read(defPath) === undefined && !files.paths().some((p) => p.toLowerCase() === defPath.toLowerCase())) {
    changes.push({ path: defPath, create: envVarDefinitionXml(schema, name) });
  }
  const wiring = service
    ? ''
    : ' Wrap the plug-in\'s Execute body in `using (EnvironmentSecrets.Use(service)) { ... }` so the helper has an organization service.';
  return {
    title: `Read from a Key Vault-backed Secret environment variable (${schema})`,
    isPreferred: true,
    changes,
    note: `Create the Key Vault secret and point the Secret environment variable ${schema} at it.${wiring} ${ROTATE_NOTE}`,
  };
}

/** An IOrganizationService visible at `offset`: a parameter or local of the enclosing method. */
function serviceInScope(text: string, offset: number): string | undefined {
  const braces = openBraces(text, offset, 'csharp');
  // The outermost brace that is not a namespace or a type: the method body.
  let bodyStart = 0;
  for (const b of braces) {
    const owner = text.slice(Math.max(0, b - 300), b);
    if (!/\b(namespace|class|struct|record|interface)\b[^;{}]*$/.test(owner)) {
      bodyStart = Math.max(0, text.lastIndexOf(')', b) >= 0 ? text.lastIndexOf('(', text.lastIndexOf(')', b)) : b);
      break;
    }
  }
  const scope = text.slice(bodyStart, offset);
  const hits = [...scope.matchAll(/\bIOrganizationService\s+([A-Za-z_]\w*)\s*[=,);]/g), ...scope.matchAll(/\bvar\s+([A-Za-z_]\w*)\s*=\s*[\w.]*CreateOrganizationService\s*\(/g)];
  hits.sort((a, b) => (b.index ?? 0) - (a.index ?? 0));
  return hits[0]?.[1];
}

/** EnvironmentSecrets.cs beside the file, unless the project has one; its namespace. */
function helperChange(ctx: FixContext): { change?: FileChange; namespace?: string } {
  const fileNs = /\bnamespace\s+([\w.]+)/.exec(ctx.text)?.[1];
  for (const p of ctx.files.paths()) {
    if (!/\.cs$/i.test(p)) continue;
    const t = ctx.files.read(p) ?? '';
    if (/\bclass\s+EnvironmentSecrets\b/.test(t)) {
      const ns = /\bnamespace\s+([\w.]+)/.exec(t)?.[1];
      return ns && ns !== fileNs && !(fileNs ?? '').startsWith(ns + '.') ? { namespace: ns } : {};
    }
  }
  const path = join(dirname(ctx.path), 'EnvironmentSecrets.cs');
  return { change: { path, create: environmentSecretsCs(fileNs ?? 'Plugins', eolOf(ctx.text)) } };
}

function hostedFix(ctx: FixContext, expr: { start: number; end: number }, name: string, decl: Declaration | undefined, csproj: string | undefined): Fix {
  const { text, files, path } = ctx;
  const vault = vaultUri(files, path);
  const secretName = kebab(decl?.name ?? name);
  const read = `new SecretClient(new Uri("${vault}"), new DefaultAzureCredential()).GetSecret("${secretName}").Value.Value`;
  const edits: TextEdit[] = [];
  if (decl?.isConst) {
    const head = decl.isField ? decl.head.text.replace(/\bconst\s+/, 'static readonly ') : decl.head.text.replace(/\bconst\s+/, '');
    edits.push({ span: { start: decl.head.start, end: expr.end }, newText: head + read });
  } else {
    edits.push({ span: expr, newText: read });
  }
  for (const ns of ['System', 'Azure.Identity', 'Azure.Security.KeyVault.Secrets']) {
    const u = usingEdit(text, ns);
    if (u) edits.push(u);
  }
  const changes: FileChange[] = [{ path, edits }];
  const proj = csproj ? files.read(csproj) : undefined;
  if (csproj && proj !== undefined) {
    const missing = PACKAGES.filter(([id]) => !new RegExp(`Include\\s*=\\s*"${id.replace(/\./g, '\\.')}"`, 'i').test(proj));
    const close = proj.lastIndexOf('</Project>');
    if (missing.length && close >= 0) {
      const eol = eolOf(proj);
      const group = `  <ItemGroup>${eol}${missing.map(([id, v]) => `    <PackageReference Include="${id}" Version="${v}" />`).join(eol)}${eol}  </ItemGroup>${eol}${eol}`;
      changes.push({ path: csproj, edits: [{ span: { start: close, end: close }, newText: group }] });
    }
  }
  const vaultNote = vault.includes('YOUR-KEY-VAULT') ? 'Replace YOUR-KEY-VAULT with your vault\'s name. ' : '';
  return {
    title: `Read from Azure Key Vault with SecretClient and DefaultAzureCredential (secret ${secretName})`,
    isPreferred: true,
    changes,
    note: `${vaultNote}Store the value as Key Vault secret "${secretName}" and grant the app's identity "Key Vault Secrets User". ${ROTATE_NOTE}`,
  };
}

/** `using X;` after the last top-level using directive, when the file does not have it yet. */
function usingEdit(text: string, ns: string): TextEdit | undefined {
  if (new RegExp(`^\\s*(global\\s+)?using\\s+${ns.replace(/\./g, '\\.')}\\s*;`, 'm').test(text)) return undefined;
  const eol = eolOf(text);
  const re = /^[ \t]*using\s+[\w.]+\s*;[ \t]*\r?$/gm;
  let last: RegExpExecArray | undefined;
  const firstDecl = text.search(/^\s*(namespace|public|internal|\[)/m);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (firstDecl >= 0 && m.index > firstDecl) break;
    last = m;
  }
  const at = last ? last.index + last[0].replace(/\r$/, '').length : 0;
  const line = `using ${ns};`;
  // Several directives inserted at one point land in the order of the edits (LSP rule).
  return { span: { start: at, end: at }, newText: last ? eol + line : line + eol };
}

function environmentSecretsCs(ns: string, eol: string): string {
  return [
    'using System;',
    'using Microsoft.Xrm.Sdk;',
    '',
    `namespace ${ns}`,
    '{',
    '    /// <summary>',
    '    /// Reads Dataverse environment variables of type Secret. Their values live in Azure Key Vault;',
    '    /// Dataverse fetches them through the RetrieveEnvironmentVariableSecretValue message, so no',
    '    /// secret is kept in code, in the step configuration or in the solution. (Added by d365sec.)',
    '    /// </summary>',
    '    internal static class EnvironmentSecrets',
    '    {',
    '        [ThreadStatic]',
    '        private static IOrganizationService _current;',
    '',
    '        /// <summary>',
    '        /// Makes <paramref name="service"/> the service <see cref="Get(string)"/> uses on this thread',
    '        /// for one plug-in execution: <c>using (EnvironmentSecrets.Use(service)) { ... }</c>.',
    '        /// </summary>',
    '        public static IDisposable Use(IOrganizationService service)',
    '        {',
    '            var previous = _current;',
    '            _current = service;',
    '            return new Scope(previous);',
    '        }',
    '',
    '        public static string Get(string schemaName)',
    '        {',
    '            if (_current == null)',
    '            {',
    '                throw new InvalidPluginExecutionException("Reading the secret environment variable " + schemaName + " needs an organization service: wrap Execute in using (EnvironmentSecrets.Use(service)).");',
    '            }',
    '',
    '            return Get(_current, schemaName);',
    '        }',
    '',
    '        public static string Get(IOrganizationService service, string schemaName)',
    '        {',
    '            var request = new OrganizationRequest("RetrieveEnvironmentVariableSecretValue");',
    '            request["EnvironmentVariableName"] = schemaName;',
    '            var response = service.Execute(request);',
    '            return (string)response["EnvironmentVariableSecretValue"];',
    '        }',
    '',
    '        private sealed class Scope : IDisposable',
    '        {',
    '            private readonly IOrganizationService _previous;',
    '',
    '            public Scope(IOrganizationService previous)',
    '            {',
    '                _previous = previous;',
    '            }',
    '',
    '            public void Dispose()',
    '            {',
    '                _current = _previous;',
    '            }',
    '        }',
    '    }',
    '}',
    '',
  ].join(eol);
}


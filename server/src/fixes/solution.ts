/**
 * Key Vault fixes inside an unpacked solution (formats.md §9, §10):
 * - an environment variable of type String (100000000) holding a secret becomes type Secret
 *   (100000005), whose value is a Key Vault secret reference, not the secret;
 * - a secret in a plug-in step's unsecure <Configuration> moves to a Secret environment variable
 *   that the plug-in reads with RetrieveEnvironmentVariableSecretValue.
 */
import { boundName, envVarSchemaName, join, kebab } from './names';
import { ROTATE_NOTE, type FileChange, type Fix, type FixContext, type ProjectFiles } from './types';

export const SECRET_TYPE = '100000005';
export const KEY_VAULT_REFERENCE =
  '/subscriptions/YOUR-SUBSCRIPTION-ID/resourceGroups/YOUR-RESOURCE-GROUP/providers/Microsoft.KeyVault/vaults/YOUR-KEY-VAULT/secrets/';

export function keyVaultReference(secretName: string): string {
  return KEY_VAULT_REFERENCE + secretName;
}

/** Folder of the first unpacked solution (holds Other/Solution.xml), '' for the root. */
export function solutionRootOf(files: ProjectFiles): string | undefined {
  for (const p of files.paths()) {
    const m = /^(?:(.*)\/)?Other\/Solution\.xml$/i.exec(p);
    if (m) return m[1] ?? '';
  }
  return undefined;
}

export function envVarDefinitionXml(schema: string, label: string): string {
  const display = label.replace(/[<>&"]/g, '');
  return [
    `<environmentvariabledefinition schemaname="${schema}">`,
    `  <displayname default="${display}">`,
    `    <label description="${display}" languagecode="1033" />`,
    '  </displayname>',
    '  <introducedversion>1.0.0.0</introducedversion>',
    '  <iscustomizable>1</iscustomizable>',
    '  <isrequired>0</isrequired>',
    '  <secretstore>0</secretstore>',
    `  <type>${SECRET_TYPE}</type>`,
    '</environmentvariabledefinition>',
    '',
  ].join('\n');
}

/** Finding in environmentvariabledefinition.xml or environmentvariablevalues.json. */
export function envVarFixes(ctx: FixContext): Fix[] {
  const dir = ctx.path.slice(0, ctx.path.lastIndexOf('/'));
  const defPath = join(dir, 'environmentvariabledefinition.xml');
  const valuesPath = join(dir, 'environmentvariablevalues.json');
  const def = ctx.path === defPath ? ctx.text : ctx.files.read(defPath);
  const schema = (def && /schemaname\s*=\s*"([^"]+)"/i.exec(def)?.[1]) ?? dir.slice(dir.lastIndexOf('/') + 1);
  const ref = keyVaultReference(kebab(schema));
  const changes: FileChange[] = [];
  if (def !== undefined) {
    const edits = [];
    const type = /<type>\s*(\d+)\s*<\/type>/i.exec(def);
    if (type && type[1] !== SECRET_TYPE) {
      const s = type.index + type[0].indexOf(type[1]!);
      edits.push({ span: { start: s, end: s + type[1]!.length }, newText: SECRET_TYPE });
    }
    const dv = /<defaultvalue>([\s\S]*?)<\/defaultvalue>/i.exec(def);
    if (dv) {
      const s = dv.index + '<defaultvalue>'.length;
      edits.push({ span: { start: s, end: s + dv[1]!.length }, newText: ref });
    }
    if (edits.length) changes.push({ path: defPath, edits });
  }
  const values = ctx.path === valuesPath ? ctx.text : ctx.files.read(valuesPath);
  if (values !== undefined) {
    const edits = [];
    for (const m of values.matchAll(/("value"\s*:\s*)"((?:[^"\\]|\\.)*)"/g)) {
      const s = m.index! + m[1]!.length;
      edits.push({ span: { start: s, end: s + m[2]!.length + 2 }, newText: JSON.stringify(ref) });
    }
    if (edits.length) changes.push({ path: valuesPath, edits });
  }
  if (!changes.length) return [];
  return [
    {
      title: `Make ${schema} a Secret environment variable backed by Azure Key Vault`,
      isPreferred: true,
      changes,
      note: `Replace the YOUR-… parts of the Key Vault reference with your subscription, resource group and vault, and store the value as secret "${kebab(schema)}". Readers must call RetrieveEnvironmentVariableSecretValue. ${ROTATE_NOTE}`,
    },
  ];
}

/** Finding in a step's <Configuration>: blank the value and add a Secret environment variable. */
export function stepConfigFixes(ctx: FixContext): Fix[] {
  const { text, finding, files } = ctx;
  const span = valueSpanIn(text, finding.span.start, finding.span.end);
  if (!span) return [];
  const name = boundName(text, span.start, finding.fixData?.name);
  const schema = envVarSchemaName(name, files);
  const changes: FileChange[] = [{ path: ctx.path, edits: [{ span, newText: '' }] }];
  const root = solutionRootOf(files);
  const defPath = join(root ?? '', `environmentvariabledefinitions/${schema}/environmentvariabledefinition.xml`);
  if (root !== undefined && files.read(defPath) === undefined) changes.push({ path: defPath, create: envVarDefinitionXml(schema, name) });
  return [
    {
      title: `Move the secret to a Key Vault-backed Secret environment variable (${schema})`,
      isPreferred: true,
      changes,
      note: `The plug-in must now read ${schema} with RetrieveEnvironmentVariableSecretValue (EnvironmentSecrets.Get(service, "${schema}")) instead of the configuration. ${ROTATE_NOTE}`,
    },
  ];
}

/**
 * The secret inside the configuration text: a JSON string value ("k":"v" with XML-escaped quotes
 * too), a k=v; pair, or the reported span itself.
 */
function valueSpanIn(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const s = text.slice(start, end);
  const q = /^(&quot;|")(.*)(&quot;|")$/s.exec(s);
  if (q) return { start: start + q[1]!.length, end: end - q[3]!.length };
  return end > start ? { start, end } : undefined;
}

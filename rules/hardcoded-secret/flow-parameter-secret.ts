import { defineRule } from '../../server/src/core/rule';
import { isCredentialName } from '../../server/src/core/sensitivity';
import type { EnvVarInfo, FlowParameterInfo } from '../../server/src/model/solution';
import { ENV_SECRET, isCredentialVariable, isLiteralSecretValue, isPlainTextType } from './envvar-plaintext-secret';

/** `ERP API Key (cnt_ErpApiKey)` -> display part and schema part of a flow parameter name. */
function nameParts(p: FlowParameterInfo): string[] {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(p.name);
  const parts = m ? [m[1]!, m[2]!] : [p.name];
  if (p.schemaName) parts.push(p.schemaName);
  return parts.filter(Boolean).map((s) => s.replace(/^[a-z0-9]{2,8}_/i, ''));
}

/** Credential-like String variables of the solution, by value, to recognise a repeated secret. */
function credentialValues(vars: Map<string, EnvVarInfo>): Map<string, EnvVarInfo> {
  const out = new Map<string, EnvVarInfo>();
  for (const v of vars.values()) {
    if (v.type === ENV_SECRET || !isPlainTextType(v.type) || !isCredentialVariable(v)) continue;
    for (const val of [v.defaultValue, v.currentValue]) if (val && isLiteralSecretValue(val, v.schemaName)) out.set(val.trim(), v);
  }
  return out;
}

export default defineRule({
  meta: {
    code: 'D365S052',
    name: 'flow-parameter-secret',
    category: 'hardcoded-secret',
    severity: 'error',
    kinds: ['json'],
    exampleLanguage: 'json',
    docs: {
      summary:
        "Finds credentials kept as a cloud flow parameter's defaultValue: the exported snapshot of a credential-named String environment variable, or a value equal to one.",
      why:
        'When a flow uses a String environment variable, the export writes the value at export time into the flow JSON as the parameter defaultValue. A key stored that way is copied into every solution export and every repository that holds the flow, even after the variable is fixed.',
      bad: '"ERP API Key (pfx_ErpApiKey)": { "defaultValue": "VpHgaqI6WUzgyF279zEAsAoUut8", "type": "String", "metadata": { "schemaName": "pfx_ErpApiKey" } }',
      good: '"Get_ERP_key": { "type": "OpenApiConnection", "inputs": { "parameters": { "actionName": "RetrieveEnvironmentVariableSecretValue", "item/EnvironmentVariableName": "pfx_ErpApiKey" } }, "runtimeConfiguration": { "secureData": { "properties": ["inputs", "outputs"] } } }',
      fix: 'Rotate the credential, turn the variable into a Secret-type (Key Vault) variable, and read it at run time with RetrieveEnvironmentVariableSecretValue and secure inputs/outputs. Re-export the flow so the old default disappears.',
      traps: 'Empty defaults, non-credential parameters (URLs, tenant ids, mail addresses), expressions and the $connections / $authentication boilerplate.',
    },
  },
  create(ctx) {
    const byValue = credentialValues(ctx.model.solution.envVars);
    return {
      json(doc) {
        if (doc.role !== 'cloud-flow') return;
        const flow = ctx.model.solution.flows.find((f) => f.path === doc.file.path);
        for (const p of flow?.parameters ?? []) {
          if (p.defaultValue === undefined || !p.span || (p.type && !/^(string|securestring)$/i.test(p.type))) continue;
          const value = p.defaultValue.trim();
          const twin = byValue.get(value);
          const variable = p.schemaName ? ctx.model.solution.envVars.get(p.schemaName.toLowerCase()) : undefined;
          const named = nameParts(p).some((n) => isCredentialName(n)) && variable?.type !== ENV_SECRET;
          if (!twin && !(named && isLiteralSecretValue(value, p.name))) continue;
          const why = twin ? `the same value as the credential variable ${twin.schemaName}` : 'a credential-named parameter';
          ctx.report({
            span: p.span,
            message: `Flow parameter "${p.name}" keeps a credential as its exported defaultValue ({secret}), ${why}. Every export of the flow carries it.`,
            secret: value,
            fixData: { kind: 'flow-parameter', parameter: p.name, schemaName: p.schemaName },
          });
        }
      },
    };
  },
});

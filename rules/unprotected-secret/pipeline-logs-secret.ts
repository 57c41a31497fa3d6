import { defineRule } from '../../server/src/core/rule';
import type { TextCommand } from '../../server/src/parsers/text';
import { isCredentialName } from '../hardcoded-secret/credential-literal';

const PRINT = /^(?:echo|Write-Host|Write-Output|Write-Verbose|Write-Information|Write-Debug|Write-Warning|printf|print|Out-Host)\b/i;
/** `$x`, `$env:X`, `${X}`, `$x.Prop`, `$($x.Prop)`: the variable and the property read from it. */
const VAR = /\$(?:\(\s*)?(?:\{)?(?:env:|script:|global:)?([A-Za-z_]\w*)\}?(?:\.([A-Za-z_]\w*))?/g;
/** `##vso[task.setvariable variable=X;...]value` */
const SETVAR = /##vso\[task\.setvariable\s+([^\]]*)\]/i;

/** Variables a script gives a value itself (not masked by the pipeline: the runner only masks secrets it knows). */
function assignedInScript(commands: TextCommand[]): Set<string> {
  const out = new Set<string>();
  for (const c of commands) {
    const m = /^(?:\[[^\]]*\])?\$(?:env:)?([A-Za-z_]\w*)\s*=|^(?:export\s+|local\s+)?([A-Za-z_]\w*)=/.exec(c.text);
    const name = m?.[1] ?? m?.[2];
    if (name) out.add(name.toLowerCase());
  }
  return out;
}

/** The credential-named variable a print command writes out, if any. */
/** GitHub Actions outputs of another step or job: `${{ steps.auth.outputs.token }}`. The runner masks none of them. */
const STEP_OUTPUT = /\$\{\{\s*(?:steps|needs|jobs)\.[\w-]+\.outputs\.([\w-]+)\s*\}\}/g;

function printedSecret(text: string, onlyAssigned: Set<string> | undefined, masked = false): string | undefined {
  const body = text.replace(PRINT, '');
  if (!masked) for (const m of body.matchAll(STEP_OUTPUT)) if (isCredentialName(m[1]!)) return `the step output ${m[1]}`;
  for (const m of body.matchAll(VAR)) {
    const [, name, prop] = m;
    if (!name) continue;
    const secretVar = isCredentialName(name);
    const shown = prop ? isCredentialName(prop) || /^(value|secretvalue|plaintext)$/i.test(prop) || (secretVar && !/^(length|count|expires\w*|expiry|name|id|type|keys?)$/i.test(prop)) : secretVar;
    if (!shown) continue;
    if (!secretVar && !isCredentialName(prop)) continue;
    if (onlyAssigned && !onlyAssigned.has(name.toLowerCase())) continue;
    return prop ? `${name}.${prop}` : name;
  }
  return undefined;
}

export default defineRule({
  meta: {
    code: 'D365U061',
    name: 'pipeline-logs-secret',
    category: 'unprotected-secret',
    severity: 'warning',
    kinds: ['text'],
    exampleLanguage: 'yaml',
    docs: {
      summary:
        'Finds PowerShell and pipeline scripts that write a secret to the log: echo / Write-Host / Write-Output of a password, token or key variable or of a GitHub Actions step output named like one (`${{ steps.auth.outputs.token }}`, which the runner does not mask), and Azure Pipelines ##vso[task.setvariable] commands that publish a credential-named variable without issecret=true.',
      why:
        'Build and release logs are kept for weeks and are readable by everyone with access to the pipeline, often a whole project. Azure Pipelines and GitHub Actions mask only the values they know are secret; a token a script fetched itself, or a variable published without issecret=true, is printed in clear text and stays unmasked in every later step.',
      bad: '- pwsh: |\n    $token = az account get-access-token --query accessToken -o tsv\n    Write-Host "Using token $token"\n    Write-Host "##vso[task.setvariable variable=ApiToken]$token"',
      good: '- pwsh: |\n    $token = az account get-access-token --query accessToken -o tsv\n    Write-Host "##vso[task.setvariable variable=ApiToken;issecret=true]$token"',
      fix:
        'Do not print secrets. Publish derived secrets with ##vso[task.setvariable variable=X;issecret=true] (Azure Pipelines) or ::add-mask:: (GitHub Actions), and log only non-sensitive facts such as the length or the expiry time.',
      traps:
        'setvariable with issecret=true; printing properties that are not the secret (.Length, .ExpiresOn, .Name); variables that only look alike (PasswordFile, TokenUrl, SecretName); in pipeline YAML, secret variables the runner injects itself ($(X), ${{ secrets.X }}, env mappings), which it masks; commented-out lines and documentation.',
      references: [
        'https://learn.microsoft.com/azure/devops/pipelines/scripts/logging-commands#setvariable-initialize-or-modify-the-value-of-a-variable',
        'https://docs.github.com/actions/reference/workflow-commands-for-github-actions#masking-a-value-in-a-log',
        'https://cwe.mitre.org/data/definitions/532.html',
      ],
    },
  },
  create(ctx) {
    return {
      text(doc) {
        if (doc.role === 'docs') return;
        const commands = doc.commands ?? [];
        // In a pipeline, variables the runner injects are masked: report only what a step computes.
        const assigned = doc.role === 'pipeline' || doc.format === 'yaml' ? assignedInScript(commands) : undefined;
        for (const c of commands) {
          if (!PRINT.test(c.text) && !SETVAR.test(c.text)) continue;
          const sv = SETVAR.exec(c.text);
          if (sv) {
            const opts = sv[1]!;
            const name = /variable\s*=\s*([^;\]]+)/i.exec(opts)?.[1]?.trim();
            if (name && isCredentialName(name) && !/issecret\s*=\s*true/i.test(opts)) {
              ctx.report({ span: c.span, message: `Publishes the pipeline variable ${name} without issecret=true: its value is printed and stays unmasked in later steps' logs. Add ;issecret=true.`, key: `setvariable|${name}` });
            }
            continue;
          }
          // Masking it, piping it into a command (`| docker login --password-stdin`) or writing it to a
          // file is not printing it.
          if (/::add-mask::/i.test(c.text) || /\|\s*[\w&.-]|(^|[^-])>{1,2}\s*\S/.test(c.text.replace(/"[^"]*"|'[^']*'/g, '""'))) continue;
          // A workflow that masks values itself (::add-mask::) may have masked the output it prints.
          const what = printedSecret(c.text, assigned, /::add-mask::/i.test(doc.file.text));
          if (!what) continue;
          ctx.report({ span: c.span, message: `Writes ${what} to the output: the secret ends up in the console or build log in clear text. Log a non-sensitive fact instead.`, key: `print|${what}` });
        }
      },
    };
  },
});

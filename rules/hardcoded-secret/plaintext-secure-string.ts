import { defineRule } from '../../server/src/core/rule';
import { HOLE } from '../../server/src/core/types';

/** Documentation placeholders and references: not a password anyone can use. */
const PLACEHOLDER = /^(<.*>|\{.*\}|\*+|x{3,}|\.{3,}|changeme|change[-_ ]?me|password|passw0rd|secret|your[-_ a-z]*|replace[-_ ]?me|todo|tbd|dummy\w*|fake\w*|sample\w*|example\w*|placeholder\w*|test)$/i;
const REFERENCE = /\$\(|\$\{|#\{|%[A-Za-z_]+%|@Microsoft\.KeyVault/i;

export default defineRule({
  meta: {
    code: 'D365S060',
    name: 'plaintext-secure-string',
    category: 'hardcoded-secret',
    severity: 'error',
    kinds: ['text'],
    exampleLanguage: 'powershell',
    docs: {
      summary:
        'Finds PowerShell (in .ps1 files and in pipeline script steps) that turns a password written in the script into a SecureString: ConvertTo-SecureString "literal" -AsPlainText, positional, piped or as -String.',
      why:
        'ConvertTo-SecureString -AsPlainText only wraps a value that is already in clear text in the script: whoever can read the repository, the pipeline definition or the agent\'s script cache has the password. The SecureString gives a false sense of protection; the credential it builds usually signs in a service account.',
      bad: '$pw = ConvertTo-SecureString "Summer2024!" -AsPlainText -Force\n$cred = New-Object PSCredential("svc-deploy@contoso.com", $pw)',
      good: '$pw = ConvertTo-SecureString $env:DEPLOY_PASSWORD -AsPlainText -Force   # from a secret pipeline variable or Key Vault\n# better: sign in as a service principal or managed identity',
      fix:
        'Rotate the password, then pass it in at run time: a secret pipeline variable mapped into the environment, Azure Key Vault (Get-AzKeyVaultSecret -AsPlainText), or the SecretManagement module. Prefer a service principal or managed identity so no password is needed at all.',
      traps:
        'ConvertTo-SecureString over a variable, an environment variable, a pipeline macro ($(Password), ${{ secrets.X }}) or Get-AzKeyVaultSecret output; documentation placeholders (<password>, changeme); commented-out lines.',
      references: ['https://learn.microsoft.com/powershell/module/microsoft.powershell.security/convertto-securestring', 'https://cwe.mitre.org/data/definitions/798.html'],
    },
  },
  create(ctx) {
    return {
      strings(facts, doc) {
        if (doc.role === 'docs') return;
        for (const f of facts) {
          if (f.inComment || f.origin === 'comment' || f.partial) continue;
          if (!f.callee || !/^ConvertTo-SecureString$/i.test(f.callee) || f.name !== 'String') continue;
          const v = f.value.trim();
          if (v.length < 4 || v.length > 256 || v.includes(HOLE) || PLACEHOLDER.test(v) || REFERENCE.test(v)) continue;
          ctx.report({
            span: f.span,
            message: 'Password written in the script and converted with ConvertTo-SecureString -AsPlainText ({secret}): it is readable by everyone who can read the script. Pass it in from a secret variable or Key Vault, and rotate it.',
            secret: v,
          });
        }
      },
    };
  },
});

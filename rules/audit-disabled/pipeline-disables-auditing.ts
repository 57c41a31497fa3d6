import { defineRule } from '../../server/src/core/rule';

/** Organization / table / column audit switches of Dataverse, as the Web API and SDK name them. */
const AUDIT_SETTING = /\b(isauditenabled|isuseraccessauditenabled|isreadauditenabled|auditretentionperiod(v2)?)\b/i;
/** The setting given a false value in the same command: `= $false`, `--value false`, `"isauditenabled": false`, `IsAuditEnabled=0`. */
const SET_FALSE = /\b(isauditenabled|isuseraccessauditenabled|isreadauditenabled)\b["']?\s*(?:=|:|\s--value\s|\s-Value\s)\s*["']?(\$false|false|0|no)\b/i;
const PAC_SETTING = /\bpac(\.exe)?\s+(env|org)\s+update-settings?\b.*--name\s+["']?(isauditenabled|isuseraccessauditenabled)["']?.*--value\s+["']?(false|0)\b/i;
/** BusinessCentral: the change log switched off from a script (`"Change Log Activated" = $false`). */
const BC_CHANGE_LOG = /change\s*log\s*activated["']?\s*(?:=|:)\s*["']?(\$false|false|0)\b/i;

export default defineRule({
  meta: {
    code: 'D365A060',
    name: 'pipeline-disables-auditing',
    category: 'audit-disabled',
    severity: 'warning',
    kinds: ['text'],
    exampleLanguage: 'powershell',
    docs: {
      summary:
        'Finds pipelines and PowerShell scripts that switch Dataverse auditing off: setting isauditenabled (organization, table or column) or user-access auditing to false through pac env update-settings, Set-CrmRecord / Update-CrmRecord field hashtables or Web API bodies, and scripts that switch the Business Central change log off.',
      why:
        'Auditing is how changes to sensitive data are traced to a person. A deployment or migration script that turns it off, even "temporarily", leaves a window in which every change is untraceable, and the script usually runs with administrator rights in production.',
      bad: 'Set-CrmRecord -conn $conn -EntityLogicalName organization -Id $orgId -Fields @{ isauditenabled = $false }',
      good: '# keep auditing on; for bulk loads, audit the import job itself and review the change volume afterwards',
      fix:
        'Do not switch auditing off from automation. If a data migration must run without auditing, make it a separately approved manual step, re-enable auditing in a finally block, and record the window.',
      traps: 'Scripts that switch auditing on (isauditenabled = $true), read the setting, or change the audit retention period; documentation and commented-out lines.',
      references: ['https://learn.microsoft.com/power-platform/admin/manage-dataverse-auditing', 'https://learn.microsoft.com/power-platform/developer/cli/reference/env#pac-env-update-settings'],
    },
  },
  create(ctx) {
    return {
      text(doc) {
        if (doc.role === 'docs') return;
        for (const c of doc.commands ?? []) {
          const t = c.text;
          if (/^(echo|Write-\w+|printf)\b/i.test(t)) continue;
          const pac = PAC_SETTING.exec(t);
          const set = pac ? undefined : AUDIT_SETTING.test(t) ? SET_FALSE.exec(t) : undefined;
          const bc = pac || set ? undefined : BC_CHANGE_LOG.exec(t);
          const what = pac ? `${pac[3]} = false` : set ? `${set[1]} = false` : bc ? 'Change Log Activated = false' : undefined;
          if (!what) continue;
          ctx.report({
            span: c.span,
            message: `Script switches auditing off (${what}): changes made while it is off cannot be traced to anyone. Keep auditing on.`,
            key: what.toLowerCase(),
          });
        }
      },
    };
  },
});

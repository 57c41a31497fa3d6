import { defineRule } from '../../server/src/core/rule';
import { attrValue, child, descendants, localName } from '../../server/src/parsers/xml';

export default defineRule({
  meta: {
    code: 'D365P002',
    name: 'step-impersonates-fixed-user',
    category: 'overbroad-privilege',
    severity: 'warning',
    kinds: ['xml'],
    exampleLanguage: 'xml',
    docs: {
      summary: 'Finds plug-in steps registered to run as a fixed user (ImpersonatingUserIdName / ImpersonatingUserId) instead of the calling user.',
      why:
        "A step that impersonates a fixed user, usually an administrator or service account, does everything with that user's privileges whoever triggers it: any user who can update the record gets the plug-in to act with admin rights, and the audit trail shows the service account instead of the real user.",
      bad: '<SdkMessageProcessingStep Name="Sync: Update of contact">\n  <ImpersonatingUserIdName>CRM Service Admin</ImpersonatingUserIdName>\n</SdkMessageProcessingStep>',
      good: '<SdkMessageProcessingStep Name="Sync: Update of contact">\n  <!-- no ImpersonatingUserIdName: runs as the calling user -->\n</SdkMessageProcessingStep>',
      fix: 'Register the step to run in the context of the calling user. If the plug-in needs more privilege for one operation, grant it narrowly (a dedicated least-privilege application user for that call) and check the initiating user explicitly.',
      traps: 'Steps without the element or with an empty one (they run as the calling user).',
      references: ['https://learn.microsoft.com/power-apps/developer/data-platform/impersonate-a-user'],
    },
  },
  create(ctx) {
    return {
      xml(doc) {
        if (doc.role !== 'plugin-step' && doc.role !== 'customizations') return;
        const root = doc.root!;
        const steps = localName(root.name).toLowerCase() === 'sdkmessageprocessingstep' ? [root] : descendants(root, 'SdkMessageProcessingStep');
        for (const step of steps) {
          const el = [child(step, 'ImpersonatingUserIdName'), child(step, 'ImpersonatingUserId')].find((e) => e && e.text.trim() !== '');
          if (!el) continue;
          const user = el.text.trim();
          if (/^\{?0{8}-0{4}-0{4}-0{4}-0{12}\}?$/.test(user)) continue; // empty id = calling user
          const step_ = attrValue(step, 'Name') ?? 'plug-in step';
          ctx.report({
            span: el.span,
            message: `Step "${step_}" always runs as the fixed user "${user}" instead of the calling user: everyone who triggers it acts with that user's privileges.`,
            key: `step:${step_}/${user}`,
          });
        }
      },
    };
  },
});

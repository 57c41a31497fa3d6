import { defineRule } from '../../server/src/core/rule';
import { propNode, type JsonNode } from '../../server/src/parsers/json';
import { isLoopback } from '../insecure-transport/plain-http-endpoint';

/**
 * Where a launch configuration signs in, from formats.md §15.2: `environmentType` Sandbox or
 * Production (or no `server` at all, which is the online default) is the cloud; otherwise
 * `server` names the machine.
 */
function target(cfg: JsonNode): { kind: 'cloud' | 'remote' | 'local'; host?: string } {
  const env = String(propNode(cfg, 'environmentType', true)?.value ?? '').toLowerCase();
  const serverNode = propNode(cfg, 'server', true);
  const server = serverNode?.type === 'string' ? String(serverNode.value).trim() : '';
  if (env === 'sandbox' || env === 'production') return { kind: 'cloud' };
  if (!server) return env === 'onprem' ? { kind: 'local' } : { kind: 'cloud' };
  const host = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(\[[^\]]+\]|[^/:?#]+)/i.exec(server)?.[1] ?? server;
  if (isLoopback(host)) return { kind: 'local', host };
  // A single-label name (`http://bcserver`) is how BcContainerHelper publishes a local Docker
  // container (it adds the name to the hosts file): the credentials stay on the developer's machine.
  if (!host.includes('.') && !host.includes(':') && !/^\[/.test(host)) return { kind: 'local', host };
  return { kind: 'remote', host };
}

export default defineRule({
  meta: {
    code: 'D365L060',
    name: 'bc-launch-user-password',
    category: 'legacy-auth',
    severity: 'warning',
    kinds: ['json'],
    exampleLanguage: 'json',
    docs: {
      summary:
        'Finds Business Central launch.json configurations that sign in with "authentication": "UserPassword" to a cloud environment (environmentType Sandbox or Production, or no server) or to a remote server.',
      why:
        'UserPassword is NavUserPassword authentication: a user name and password checked by the Business Central server itself, with no multi-factor authentication and no Conditional Access. Against an online environment it does not work at all and invites people to create web service keys or weaker workarounds; against a shared on-premises or test server it puts a reusable password on every developer machine and, over http://, on the network.',
      bad: '{ "type": "al", "request": "launch", "environmentType": "Sandbox", "environmentName": "UAT", "authentication": "UserPassword" }',
      good: '{ "type": "al", "request": "launch", "environmentType": "Sandbox", "environmentName": "UAT", "authentication": "MicrosoftEntraID" }',
      fix:
        'Use "authentication": "MicrosoftEntraID" (AAD in older AL extensions) for online environments and for on-premises servers configured for Entra ID, or "Windows" for domain-joined on-premises servers. Keep UserPassword for throwaway local containers only.',
      traps:
        'AAD / MicrosoftEntraID and Windows authentication; UserPassword against a local development container (localhost, 127.0.0.1, host.docker.internal, or a single-label container name such as http://bcserver); configurations that are not of type "al".',
      references: [
        'https://learn.microsoft.com/dynamics365/business-central/dev-itpro/developer/devenv-json-launch-file',
        'https://learn.microsoft.com/dynamics365/business-central/dev-itpro/administration/users-credential-types',
      ],
    },
  },
  create(ctx) {
    return {
      json(doc) {
        if (doc.role !== 'al-launch' || !doc.root) return;
        const list = propNode(doc.root, 'configurations', true);
        for (const cfg of list?.type === 'array' ? (list.children ?? []) : []) {
          if (cfg.type !== 'object') continue;
          if (String(propNode(cfg, 'type', true)?.value ?? '').toLowerCase() !== 'al') continue;
          const auth = propNode(cfg, 'authentication', true);
          if (auth?.type !== 'string' || !/^(nav)?userpassword$/i.test(String(auth.value))) continue;
          const t = target(cfg);
          if (t.kind === 'local') continue;
          const name = String(propNode(cfg, 'name', true)?.value ?? '');
          const where = t.kind === 'cloud' ? 'a Business Central online environment' : `the remote server ${t.host}`;
          ctx.report({
            span: { start: auth.offset, end: auth.offset + auth.length },
            message: `Launch configuration${name ? ` "${name}"` : ''} signs in to ${where} with UserPassword: a password that MFA and Conditional Access cannot protect. Use MicrosoftEntraID (or Windows on-premises).`,
            key: `${name}|${t.kind}|${t.host ?? ''}`,
          });
        }
      },
    };
  },
});

import { defineRule } from '../../server/src/core/rule';
import { childByField, dottedCs, spanOfCs, unwrapCs, type CsNode } from '../../server/src/parsers/csharp-ast';

/** Protocol versions with known attacks (POODLE, BEAST) that Dataverse and Azure no longer accept. */
const WEAK_NAMES: Record<string, Set<string>> = {
  SecurityProtocolType: new Set(['Ssl3', 'Tls', 'Tls11']),
  SslProtocols: new Set(['Ssl2', 'Ssl3', 'Tls', 'Tls11']),
};
/** Numeric values written as casts: `(SecurityProtocolType)192`. */
const WEAK_NUMBERS: Record<string, Record<string, string>> = {
  SecurityProtocolType: { '48': 'Ssl3', '192': 'Tls', '768': 'Tls11' },
  SslProtocols: { '12': 'Ssl2', '48': 'Ssl3', '192': 'Tls', '768': 'Tls11' },
};

/** The weak protocol a node names, if any: `SecurityProtocolType.Tls11`, `System.Net.SecurityProtocolType.Ssl3`, `(SslProtocols)192`. */
function weakProtocol(n: CsNode): string | undefined {
  if (n.type === 'member_access_expression') {
    const d = dottedCs(n);
    if (!d) return undefined;
    const parts = d.split('.');
    const member = parts[parts.length - 1]!;
    const type = parts[parts.length - 2];
    return type && WEAK_NAMES[type]?.has(member) ? `${type}.${member}` : undefined;
  }
  if (n.type === 'cast_expression') {
    const type = dottedCs(childByField(n, 'type'))?.split('.').pop();
    const v = unwrapCs(childByField(n, 'value'));
    const name = type && v?.type === 'integer_literal' ? WEAK_NUMBERS[type]?.[v.text ?? ''] : undefined;
    return name ? `${type}.${name}` : undefined;
  }
  return undefined;
}

/**
 * Is the protocol value *enabled* here? It flows, possibly through `|`, into an assignment (`=`,
 * `|=`), an argument or an initializer. Comparisons, `HasFlag`, removal (`&= ~x`) and switch
 * labels only read it.
 */
function enables(n: CsNode): CsNode | undefined {
  let child = n;
  for (let p = n.parent; p; child = p, p = p.parent) {
    switch (p.type) {
      case 'parenthesized_expression':
        continue;
      case 'binary_expression':
        if (p.op === '|') continue;
        return undefined;
      case 'prefix_unary_expression':
        return undefined; // ~SecurityProtocolType.Ssl3: switching it off
      case 'assignment_expression':
        return child.field === 'right' && (p.op === '=' || p.op === '|=') ? p : undefined;
      case 'argument': {
        const call = p.parent?.parent;
        const callee = call ? dottedCs(childByField(call, 'function')) : undefined;
        return callee && /(^|\.)HasFlag$/.test(callee) ? undefined : p.parent?.parent;
      }
      case 'variable_declarator':
        return p;
      default:
        return undefined;
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    code: 'D365T011',
    name: 'csharp-weak-tls-protocol',
    category: 'insecure-transport',
    severity: 'warning',
    kinds: ['csharp'],
    exampleLanguage: 'csharp',
    docs: {
      summary: 'Finds C# that enables SSL 3.0, TLS 1.0 or TLS 1.1: ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls / Tls11 / Ssl3, or SslProtocols.Tls / Tls11 / Ssl3 / Ssl2 for an SslStream or handler.',
      why:
        'SSL 3.0 and TLS 1.0 / 1.1 have practical attacks (POODLE, BEAST) and weak cipher suites. Enabling them lets a network attacker downgrade the connection; Dataverse, Azure and most APIs reject them anyway, so code that forces them either fails or talks to something that should not be trusted.',
      bad: 'ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11;',
      good: '// Let the OS choose (TLS 1.2 / 1.3) on .NET 4.7+; on older frameworks ask for TLS 1.2 explicitly:\nServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;',
      fix: 'Remove the assignment on .NET Framework 4.7 and later (SystemDefault lets the OS pick TLS 1.2 / 1.3); otherwise set SecurityProtocolType.Tls12 (and Tls13 where available) only.',
      traps: 'Tls12, Tls13 and SystemDefault; comparisons and HasFlag checks; removing a weak protocol (`&= ~SecurityProtocolType.Ssl3`); commented-out code.',
      references: ['https://learn.microsoft.com/dotnet/framework/network-programming/tls', 'https://cwe.mitre.org/data/definitions/327.html'],
    },
  },
  create(ctx) {
    return {
      csharp(doc) {
        // One finding per statement that enables weak versions, naming all of them.
        const byTarget = new Map<CsNode, string[]>();
        for (const n of doc.nodes ?? []) {
          const weak = weakProtocol(n);
          if (!weak) continue;
          const where = enables(n);
          if (!where) continue;
          byTarget.set(where, [...(byTarget.get(where) ?? []), weak]);
        }
        for (const [where, names] of byTarget) {
          const list = [...new Set(names)].join(', ');
          ctx.report({
            span: spanOfCs(where),
            message: `Weak TLS version enabled (${list}): a network attacker can downgrade the connection. Use the system default (TLS 1.2 / 1.3) or SecurityProtocolType.Tls12.`,
            key: `weak-tls|${list}`,
          });
        }
      },
    };
  },
});

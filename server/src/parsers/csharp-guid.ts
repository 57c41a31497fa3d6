/** Guid literals in C#: `new Guid("...")`, `Guid.Parse("...")`, `new("...")` for a Guid-typed target. */
import { argumentsOf, calleeCs, plainStringValue, unwrapCast, type CsNode } from './csharp-ast';

export const GUID_TEXT = /^\{?[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\}?$/;

/** The Guid text of an expression that builds a fixed Guid (not `Guid.Empty`, not `Guid.NewGuid()`). */
export function guidLiteralOf(n: CsNode | undefined): string | undefined {
  const x = unwrapCast(n);
  if (!x) return undefined;
  if (x.type === 'object_creation_expression' || x.type === 'invocation_expression' || x.type === 'implicit_object_creation_expression') {
    const c = calleeCs(x);
    if (c !== undefined && !/^(new (System\.)?Guid|(System\.)?Guid\.(Parse|ParseExact)|new)$/.test(c)) return undefined;
    const first = argumentsOf(x)[0];
    const s = plainStringValue(first?.value);
    return s !== undefined && GUID_TEXT.test(s.trim()) ? s.trim() : undefined;
  }
  const s = plainStringValue(x);
  return s !== undefined && GUID_TEXT.test(s.trim()) ? s.trim() : undefined;
}

/**
 * String facts of an AL file: labels and text constants (named after their variable), string
 * literals and `'a' + 'b'` concatenations in code with the context a secret rule needs: the
 * assignment target (`Rec.Password := '...'`), the callee and argument position
 * (`SetPassword('...')`), the header a value goes to (`Headers.Add('x-api-key', '...')`), the
 * procedure a value is returned from (`exit('...')`) and the other side of a comparison.
 */
import { isCredentialName } from '../core/sensitivity';
import { HOLE, type StringFact } from '../core/types';
import { allRoutines, dottedName, lastName, unparen, walkElements, walkStmts, type AlExpr, type AlObject, type AlProcedure, type AlProperty, type AlVariable } from './al-ast';

interface Ctx {
  name?: string;
  path?: string;
  callee?: string;
  argIndex?: number;
}

/** Setters whose first argument names the second: `Headers.Add('Authorization', v)`, `Json.Add('password', v)`. */
const NAMING_SETTERS = /^(add|set|tryaddwithoutvalidation|append|insert|replace|put|setvalue|setattribute)$/i;
/** Calls whose value arguments the method name describes: `SetPassword('...')`, `SaveApiKey('...')`. */
const VALUE_SETTER = /^(set|save|store|update|write|put|init|use|with|add|apply|assign)([A-Z_].*)$/i;

function isValueSetter(method: string): boolean {
  const m = VALUE_SETTER.exec(method);
  // `SetPassword`, `Set_Password`, `setpassword` (AL is case-insensitive), not `Settings` / `Update`.
  return !!m && (/^[A-Z_]/.test(m[2]!) || m[2]!.length > 3);
}

function labelFacts(vars: AlVariable[], out: StringFact[]): void {
  for (const v of vars) {
    if (!v.label || v.label.span.end <= v.label.span.start) continue;
    out.push({ value: v.label.text, span: v.label.span, name: v.name, origin: 'literal' });
  }
}

/** `'a' + x + 'b'` flattened; undefined when no part is a string literal. */
function evaluate(e: AlExpr): { value: string; partial: boolean; concat: boolean } | undefined {
  const x = unparen(e);
  if (x.type === 'string') return { value: x.value, partial: false, concat: false };
  if (x.type !== 'binary' || x.op !== '+') return undefined;
  const parts: AlExpr[] = [];
  const flat = (y: AlExpr): void => {
    const z = unparen(y);
    if (z.type === 'binary' && z.op === '+' && parts.length < 200) {
      flat(z.left);
      flat(z.right);
    } else parts.push(z);
  };
  flat(x);
  if (!parts.some((p) => p.type === 'string')) return undefined;
  let value = '';
  let partial = false;
  for (const p of parts) {
    if (p.type === 'string') value += p.value;
    else {
      value += HOLE;
      partial = true;
    }
  }
  return { value, partial, concat: true };
}

/**
 * Parameter names of platform methods whose arguments are credentials
 * (`HttpClient.UseWindowsAuthentication(UserName, Password, Domain)`), by lower-case method name.
 */
const PLATFORM_PARAMS: Record<string, string[]> = {
  usewindowsauthentication: ['UserName', 'Password', 'Domain'],
  // System App OAuth2 codeunit: AcquireToken*(ClientId, ClientSecret, ...)
  acquiretokenwithclientcredentials: ['ClientId', 'ClientSecret'],
  acquiretokenbyauthorizationcode: ['ClientId', 'ClientSecret'],
  acquireonbehalfofaccesstoken: ['ClientId', 'ClientSecret'],
  acquiretokenwithcertificate: ['ClientId', 'Certificate', 'CertificatePassword'],
  // XML: namespace URIs are identifiers, not endpoints (plain-http-endpoint skips *Namespace names)
  create: ['Name', 'Namespace'],
  addnamespace: ['Prefix', 'Namespace'],
  createnamespacedeclaration: ['Prefix', 'Namespace'],
  addcertificate: ['Certificate', 'Password'],
};

/** Parameter names of the procedures declared in the file, by lower-case procedure name. */
type Params = Map<string, string[]>;

function argContext(call: Extract<AlExpr, { type: 'call' }>, i: number, params: Params): Ctx {
  const ctx: Ctx = { argIndex: i };
  const callee = dottedName(call.callee);
  if (callee) ctx.callee = callee;
  const method = lastName(call.callee) ?? '';
  const first = call.args[0] ? unparen(call.args[0]) : undefined;
  if (i === 1 && NAMING_SETTERS.test(method) && first?.type === 'string') ctx.name = first.value;
  else if (i >= 1 && /^validate$/i.test(method) && first && (first.type === 'ident' || first.type === 'member')) ctx.name = lastName(first)!;
  else {
    // The parameter the argument binds to names it: `Connect('svc', '...')` with `Connect(User: Text; Password: Text)`.
    const declared = params.get(method.toLowerCase()) ?? PLATFORM_PARAMS[method.toLowerCase()];
    // platform lists name only the leading parameters; a same-file procedure must match the arity
    const param = declared && (declared.length >= call.args.length || !params.has(method.toLowerCase())) ? declared[i] : undefined;
    if (param && (isCredentialName(param) || !isValueSetter(method))) ctx.name = param;
    else if (isValueSetter(method)) ctx.name = method;
  }
  return ctx;
}

function visit(e: AlExpr, ctx: Ctx, out: StringFact[], params: Params, depth = 0): void {
  if (depth > 100) return;
  const ev = evaluate(e);
  if (ev) {
    const f: StringFact = { value: ev.value, span: e.span, origin: ev.concat ? 'concat' : 'literal', ...ctx };
    if (ev.partial) f.partial = true;
    out.push(f);
    // Calls inside a concatenation still carry their own literals: `'Basic ' + ToBase64('u:p')`.
    const x = unparen(e);
    if (x.type === 'binary') {
      const rest: AlExpr[] = [x.left, x.right];
      while (rest.length > 0) {
        const y = unparen(rest.pop()!);
        if (y.type === 'binary' && y.op === '+') rest.push(y.left, y.right);
        else if (y.type !== 'string') visit(y, {}, out, params, depth + 1);
      }
    }
    return;
  }
  switch (e.type) {
    case 'call':
      visit(e.callee, {}, out, params, depth + 1);
      e.args.forEach((a, i) => visit(a, argContext(e, i, params), out, params, depth + 1));
      return;
    case 'binary':
      if (e.op === '=' || e.op === '<>') {
        const ln = lastName(unparen(e.left));
        const rn = lastName(unparen(e.right));
        visit(e.left, rn ? { name: rn } : {}, out, params, depth + 1);
        visit(e.right, ln ? { name: ln } : {}, out, params, depth + 1);
        return;
      }
      visit(e.left, {}, out, params, depth + 1);
      visit(e.right, {}, out, params, depth + 1);
      return;
    case 'paren':
      visit(e.expr, ctx, out, params, depth + 1);
      return;
    case 'member':
      visit(e.object, {}, out, params, depth + 1);
      return;
    case 'scope':
      visit(e.left, {}, out, params, depth + 1);
      return;
    case 'index':
      visit(e.object, {}, out, params, depth + 1);
      for (const a of e.args) visit(a, {}, out, params, depth + 1);
      return;
    case 'unary':
      visit(e.operand, {}, out, params, depth + 1);
      return;
    case 'set':
      for (const a of e.items) visit(a, {}, out, params, depth + 1);
      return;
    default:
      return;
  }
}

function routineFacts(p: AlProcedure, out: StringFact[], params: Params): void {
  labelFacts(p.locals, out);
  walkStmts(p.body, (s) => {
    switch (s.type) {
      case 'assign': {
        const name = lastName(unparen(s.target));
        const path = dottedName(s.target);
        visit(s.target, {}, out, params);
        visit(s.value, { ...(name ? { name } : {}), ...(path && path !== name ? { path } : {}) }, out, params);
        break;
      }
      case 'exit':
        if (s.value) visit(s.value, { name: p.returnName ?? p.name }, out, params);
        break;
      case 'expr':
        visit(s.expr, {}, out, params);
        break;
      case 'if':
        visit(s.cond, {}, out, params);
        break;
      case 'loop':
        for (const h of s.head) visit(h, {}, out, params);
        break;
      case 'case':
        visit(s.subject, {}, out, params);
        for (const b of s.branches) for (const v of b.values) visit(v, {}, out, params);
        break;
    }
  });
}

const STRING_PROPERTY = /^'((?:[^']|'')*)'(\s*,[\s\S]*)?$/;

/**
 * Properties whose value is a string literal: `InitValue = '...'` of a table field is named after
 * the field (a default password is a hard-coded one), others after the property.
 */
function propertyFacts(props: AlProperty[], fieldName: string | undefined, out: StringFact[]): void {
  for (const p of props) {
    const m = STRING_PROPERTY.exec(p.value);
    if (!m) continue;
    const raw = m[1]!;
    out.push({
      value: raw.replace(/''/g, "'"),
      span: { start: p.valueSpan.start, end: p.valueSpan.start + raw.length + 2 },
      name: p.lower === 'initvalue' && fieldName ? fieldName : p.name,
      origin: 'literal',
    });
  }
}

export function collectAlStrings(objects: AlObject[]): StringFact[] {
  const out: StringFact[] = [];
  const params: Params = new Map();
  for (const o of objects) for (const r of allRoutines(o)) if (r.kind === 'procedure') params.set(r.name.toLowerCase(), r.params.map((x) => x.name));
  for (const o of objects) {
    propertyFacts(o.properties, undefined, out);
    walkElements(o.elements, (e, anc) => {
      const inFields = anc.some((a) => a.keyword === 'fields');
      propertyFacts(e.properties, e.keyword === 'field' && inFields ? e.args[1]?.text.replace(/^"(.*)"$/s, '$1') : undefined, out);
    });
    labelFacts(o.variables, out);
    for (const r of allRoutines(o)) routineFacts(r, out, params);
  }
  return out;
}

// Renders docs/rules/<name>.md and docs/rules/README.md from the rules' meta. Pure: the generator
// (gen-rule-docs.mjs, `npm run docs`) writes what this returns, and test/rules/docs.test.ts checks
// the files on disk still equal it. The SARIF helpUri and the language server link to
// docs/rules/<name>.md, so the file name is the rule name.
import type { Rule } from '../../server/src/core/rule';

export const DOCS_DIR = 'docs/rules';
const NOTE = '<!-- Generated from the rule\'s meta by test/tools/gen-rule-docs.mjs. Do not edit: change the rule, then run `npm run docs`. -->';

/** A fence longer than any run of backticks inside the code. */
function fenced(code: string, lang: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${code.trim()}\n${fence}`;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function renderRuleDoc(rule: Rule): string {
  const m = rule.meta;
  const d = m.docs;
  const lang = m.exampleLanguage ?? 'text';
  const out: string[] = [
    `# ${m.code}: ${m.name}`,
    '',
    NOTE,
    '',
    '| | |',
    '|---|---|',
    `| Code | \`${m.code}\` |`,
    `| Category | \`${m.category}\` |`,
    `| Default severity | ${m.severity} |`,
    `| Files | ${m.kinds.join(', ')} |`,
    `| Quick fix | ${m.fixable ? 'yes' : 'no'} |`,
    '',
    '## What it finds',
    '',
    d.summary.trim(),
    '',
    '## Why it matters',
    '',
    d.why.trim(),
    '',
    '## Example',
    '',
    'Reported:',
    '',
    fenced(d.bad, lang),
    '',
    'Fixed:',
    '',
    fenced(d.good, lang),
    '',
    '## How to fix',
    '',
    d.fix.trim(),
    '',
  ];
  if (d.traps) out.push('## Not reported', '', d.traps.trim(), '');
  if (d.references && d.references.length > 0) out.push('## References', '', ...d.references.map((r) => `- <${r}>`), '');
  out.push(`To turn it off or change its severity, set \`"${m.code}": "off"\` (or \`"${m.name}"\`) under \`rules\` in the d365sec configuration.`, '');
  return out.join('\n');
}

export function renderIndex(rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => (a.meta.code < b.meta.code ? -1 : a.meta.code > b.meta.code ? 1 : 0));
  const out = [
    '# d365sec rules',
    '',
    NOTE,
    '',
    `${sorted.length} built-in rules. Each rule belongs to one of the seven categories of findings; codes are \`D365\` + a category letter + three digits.`,
    '',
    '| Code | Rule | Category | Severity | Files | What it finds |',
    '|---|---|---|---|---|---|',
    ...sorted.map((r) => `| ${r.meta.code} | [${r.meta.name}](${r.meta.name}.md) | ${r.meta.category} | ${r.meta.severity} | ${r.meta.kinds.join(', ')} | ${cell(r.meta.docs.summary)} |`),
    '',
  ];
  return out.join('\n');
}

/** Every generated file: `<name>.md` per rule and README.md, keyed by file name inside docs/rules. */
export function docFiles(rules: readonly Rule[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const r of rules) files.set(`${r.meta.name}.md`, renderRuleDoc(r));
  files.set('README.md', renderIndex(rules));
  return files;
}

/**
 * "Suppress with justification": a comment on the line above the finding, in the file's own
 * comment syntax, that names the rule and asks for the reason:
 *   // d365sec-disable-next-line D365S001 -- <justification>
 * XML comments may not contain `--`, so XML and Markdown use `<!-- ... : <justification> -->`.
 * Strict JSON (flows, environment variable values) has no comments: no action there.
 */
import type { ArtifactKind, ArtifactRole, Finding } from '../core/types';
import { eolOf, indentAt } from './names';
import type { Fix } from './types';

export const JUSTIFICATION_PLACEHOLDER = 'JUSTIFY: why this is not a risk';

export function commentStyle(kind: ArtifactKind, role: ArtifactRole, path: string): { open: string; sep: string; close: string } | undefined {
  if (kind === 'csharp' || kind === 'script' || kind === 'al') return { open: '// ', sep: ' -- ', close: '' };
  if (kind === 'xml' || role === 'docs' || /\.html?$/i.test(path)) return { open: '<!-- ', sep: ': ', close: ' -->' };
  if (kind === 'json') return role === 'app-settings' || role === 'al-launch' || /\.jsonc$/i.test(path) ? { open: '// ', sep: ' -- ', close: '' } : undefined;
  if (/\.(ini|cfg|conf)$/i.test(path)) return { open: '; ', sep: ' -- ', close: '' };
  if (/\.(cmd|bat)$/i.test(path)) return { open: 'REM ', sep: ' -- ', close: '' };
  return { open: '# ', sep: ' -- ', close: '' }; // .env, YAML, PowerShell, shell, toml
}

export function suppressFix(text: string, path: string, kind: ArtifactKind, role: ArtifactRole, finding: Finding): Fix | undefined {
  const style = commentStyle(kind, role, path);
  if (!style) return undefined;
  const lineStart = text.lastIndexOf('\n', finding.span.start - 1) + 1;
  // Inside a multi-line XML start tag a comment would break the markup: put it above the element.
  const indent = indentAt(text, lineStart + 1);
  const comment = `${indent}${style.open}d365sec-disable-next-line ${finding.code}${style.sep}${JUSTIFICATION_PLACEHOLDER}${style.close}${eolOf(text)}`;
  return {
    title: `Suppress ${finding.code} on this line with a justification`,
    changes: [{ path, edits: [{ span: { start: lineStart, end: lineStart }, newText: comment }] }],
    note: 'Replace the JUSTIFY text with the reason; reviewers see it in the diff.',
  };
}

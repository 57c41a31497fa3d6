// The structured-text parser: .env, YAML pipelines, PowerShell, shell scripts, ini-style files and
// documentation. Each format gets its own small reader (text-*.ts); all of them give string facts
// with exact spans and names, comment spans, and, for scripts, the logical command lines that the
// pipeline rules read. Never throws: a YAML error is one parse-error notice.
import type { ArtifactRole, ParsedFileBase, SourceFile, Span } from '../core/types';
import { baseOf } from './base';
import { scanKeyValue } from './text-keyvalue';
import { scanShell, type Shell, type TextCommand } from './text-shell';
import { scanYaml } from './text-yaml';

export type { TextCommand, Shell };

export type TextFormat = 'dotenv' | 'yaml' | 'powershell' | 'shell' | 'ini' | 'docs' | 'none';

export interface TextDocument extends ParsedFileBase {
  kind: 'text';
  /** Which reader parsed the file. */
  format?: TextFormat;
  /**
   * Logical command lines: every statement line of a PowerShell or shell script, and every line
   * of a pipeline's script steps (`script:`, `run:`, `pwsh:`, `inlineScript:`), continuations joined.
   */
  commands?: TextCommand[];
}

function extOf(path: string): string {
  const base = path.toLowerCase().slice(path.lastIndexOf('/') + 1);
  return base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : base;
}

export function formatOf(path: string, role: ArtifactRole): TextFormat {
  const ext = extOf(path);
  if (role === 'dotenv') return 'dotenv';
  if (role === 'pipeline' || ext === 'yml' || ext === 'yaml') return 'yaml';
  if (role === 'powershell') return 'powershell';
  if (role === 'docs') return 'docs';
  if (ext === 'sh' || ext === 'bash' || ext === 'cmd' || ext === 'bat' || ext === 'dockerfile') return 'shell';
  if (ext === 'ini' || ext === 'cfg' || ext === 'conf' || ext === 'properties' || ext === 'toml') return 'ini';
  return 'none';
}

export function parseText(file: SourceFile, role: ArtifactRole): TextDocument {
  const format = formatOf(file.path, role);
  const doc: TextDocument = { ...baseOf(file, 'text', role), kind: 'text', format, commands: [] };
  const text = file.text;
  if (text.trim() === '') return doc;
  switch (format) {
    case 'dotenv':
    case 'ini': {
      const r = scanKeyValue(text, format);
      doc.strings = r.strings;
      doc.comments = r.comments;
      break;
    }
    case 'yaml': {
      const r = scanYaml(text);
      doc.strings = r.strings;
      doc.comments = r.comments;
      doc.commands = r.commands;
      if (r.notices.length > 0) {
        doc.notices.push(r.notices[0]!);
        doc.failed = true;
      }
      break;
    }
    case 'powershell':
    case 'shell': {
      const ext = extOf(file.path);
      const shell: Shell = format === 'powershell' ? 'powershell' : ext === 'cmd' || ext === 'bat' ? 'cmd' : 'bash';
      const r = scanShell(text, shell);
      doc.strings = r.strings;
      doc.comments = r.comments;
      doc.commands = r.commands;
      break;
    }
    case 'docs':
      // Documentation values are examples for people, not configuration: no string facts.
      doc.comments = markdownComments(text);
      break;
    case 'none':
      break;
  }
  doc.strings.sort((a, b) => a.span.start - b.span.start);
  doc.comments.sort((a, b) => a.start - b.start);
  return doc;
}

function markdownComments(text: string): Span[] {
  const out: Span[] = [];
  const re = /<!--[\s\S]*?(-->|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) break;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The options of `d365sec scan` that are not team features (options-team.ts takes those out of
 * argv first). A mistake is a one-line message and exit 2, as CI scripts expect.
 */
import type { Severity } from '../core/types';

export type Format = 'text' | 'json' | 'sarif';

export interface ScanOptions {
  paths: string[];
  format: Format;
  output?: string;
  failOn: Severity | 'none';
  quiet: boolean;
  /** --max-file-size; undefined = config `maxFileSize`, else the default. */
  maxFileSize?: number;
  /** --jobs; undefined = decided from the size of the scan and the cores. */
  jobs?: number;
  /** --color / --no-color; undefined = from the stream and NO_COLOR / FORCE_COLOR. */
  color?: boolean;
  help: boolean;
}

export const USAGE = `usage: d365sec scan [paths...] [options]
       d365sec rules
       d365sec verify-rules PACK...
       d365sec lsp --stdio | --node-ipc | --socket=PORT   (the language server, for any LSP client)

scan options:
  --format text|json|sarif      report format (default text: grouped by file)
  --output FILE                 write the report to FILE (never coloured); the summary stays on stderr
  --fail-on error|warning|info|none
                                exit 1 when a finding is at or above this severity (default warning)
  --quiet                       print only findings: no notices, no progress, no summary
  --max-file-size BYTES         skip larger files with a notice (default 4194304; k/m suffixes; config maxFileSize)
  --jobs N                      parse and check on N threads (1 = in this process; default: the cores, for large scans)
  --color, --no-color           force colour on or off (default: on a terminal, unless NO_COLOR is set)
  --config FILE                 use FILE instead of the d365sec.config.json found upwards
  --rules PACK                  add a declarative rule pack (repeatable)
  --suppressions FILE           shared suppressions file
  --baseline FILE               report and fail only on findings not in FILE
  --write-baseline FILE         record the current findings in FILE
  --changed-since REF           report only findings in files changed since the git ref
  --report-unused-suppressions  report suppressions that suppress nothing
  --automation-id ID            SARIF runAutomationDetails.id

exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, configuration or internal error`;

/** Parses scan options; returns an error line on a usage mistake. */
export function parseScanArgs(args: string[]): ScanOptions | string {
  const o: ScanOptions = { paths: [], format: 'text', failOn: 'warning', quiet: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    // A value flag takes `--flag=v` or the next argument.
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i]);
    switch (name) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') return `d365sec: --format takes text, json or sarif, not ${v ?? '(nothing)'}`;
        o.format = v;
        break;
      }
      case '--output':
      case '-o': {
        const v = value();
        if (!v) return 'd365sec: --output needs a file name';
        o.output = v;
        break;
      }
      case '--fail-on': {
        const v = value();
        if (v !== 'error' && v !== 'warning' && v !== 'info' && v !== 'none') return `d365sec: --fail-on takes error, warning, info or none, not ${v ?? '(nothing)'}`;
        o.failOn = v;
        break;
      }
      case '--quiet':
      case '-q':
        o.quiet = true;
        break;
      case '--max-file-size': {
        const v = value();
        const n = parseSize(v);
        if (n === undefined) return `d365sec: --max-file-size takes a number of bytes (1048576, 512k, 8m), not ${v ?? '(nothing)'}`;
        o.maxFileSize = n;
        break;
      }
      case '--jobs':
      case '-j': {
        const v = value();
        if (!v || !/^\d+$/.test(v) || Number(v) < 1) return `d365sec: --jobs takes a whole number of threads of at least 1, not ${v ?? '(nothing)'}`;
        o.jobs = Math.min(Number(v), 64);
        break;
      }
      case '--color':
        o.color = true;
        break;
      case '--no-color':
        o.color = false;
        break;
      case '--help':
      case '-h':
        o.help = true;
        break;
      default:
        if (a.startsWith('-') && a !== '-') return `d365sec: unknown option ${a} (d365sec scan --help lists them)`;
        o.paths.push(a);
    }
  }
  if (o.paths.length === 0) o.paths.push('.');
  return o;
}

/** `1048576`, `512k`, `8m`, `8MB`: bytes. */
export function parseSize(v: string | undefined): number | undefined {
  const m = v === undefined ? null : /^(\d+)\s*([kKmMgG]i?[bB]?)?$/.exec(v.trim());
  if (!m) return undefined;
  const mult = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2]?.[0] ?? '').toLowerCase()] ?? 1;
  const n = Number(m[1]) * mult;
  return n >= 1 ? n : undefined;
}

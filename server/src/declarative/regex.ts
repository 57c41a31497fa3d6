import { RE2JS } from 're2js';

/**
 * Regular expressions of user rules run on re2js: an automaton, never backtracking, so a
 * catastrophic pattern such as `(a+)+$` runs in time linear in the input. Linear is not cheap,
 * though: a pattern like `(?:.*a){900}b` compiles to ~3600 instructions and re2js falls back to
 * an NFA that costs ~program size per character (measured: 25 s on 180 KB). So we also
 *   - refuse programs above MAX_PROGRAM instructions at load time (clear error naming the rule;
 *     ordinary credential patterns compile to well under 200);
 *   - match in windows of whole lines (up to 16 KB, smaller for big programs; up to 2 KB shared with the next window)
 *     and check a time budget between windows: a rule that spends more than its budget on a
 *     file stops there (the caller turns that into a notice naming the rule).
 * Windows cost nothing for ordinary patterns; a match longer than the overlap that crosses a window
 * boundary may be missed, which is far beyond any credential we look for.
 */
export const MAX_PATTERN_LENGTH = 4096;
export const MAX_PROGRAM = 2500;
const MAX_WINDOW = 16 * 1024;
const MIN_WINDOW = 1024;

export interface SafeRegex {
  source: string;
  /** Named groups and their numbers. */
  groups: Record<string, number>;
  groupCount: number;
  /** Every match in text, in order, at most `limit`; throws BudgetExceeded when out of time. */
  findAll(text: string, opts: { limit: number; deadline?: number; now?: () => number }): RegexMatch[];
  /** True if the pattern finds a match in text (no windowing: examples are short). */
  test(text: string): boolean;
}

export interface RegexMatch {
  start: number;
  end: number;
  /** Span of each capture group (undefined when it did not take part). */
  group(g: number | string): { start: number; end: number; text: string } | undefined;
}

export class RegexSyntaxError extends Error {}
export class BudgetExceeded extends Error {}

/** Flags as letters: i (case-insensitive), s (dot matches newline), m is always on (^ and $ per line). */
export function compileRegex(pattern: string, flags = ''): SafeRegex {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new RegexSyntaxError(`the pattern is longer than ${MAX_PATTERN_LENGTH} characters`);
  let f = RE2JS.MULTILINE;
  for (const ch of flags) {
    if (ch === 'i') f |= RE2JS.CASE_INSENSITIVE;
    else if (ch === 's') f |= RE2JS.DOTALL;
    else if (ch === 'm') continue;
    else throw new RegexSyntaxError(`unsupported flag ${JSON.stringify(ch)} (use i, s or m)`);
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern, f);
  } catch (e) {
    throw new RegexSyntaxError(explain((e as Error).message));
  }
  const probe = re.matcher('');
  const size = probe.programSize();
  if (size > MAX_PROGRAM) {
    throw new RegexSyntaxError(`the pattern compiles to ${size} instructions (limit ${MAX_PROGRAM}); nested or large repetition counts make it too slow to run`);
  }
  if (re.matcher('').find()) throw new RegexSyntaxError('the pattern matches the empty string, so it would report every position');
  // Big programs are slow per character: smaller windows keep the time between budget checks short.
  const WINDOW = Math.max(MIN_WINDOW, Math.min(MAX_WINDOW, Math.floor((MAX_WINDOW * 64) / Math.max(64, size))));
  const OVERLAP = Math.min(2 * 1024, WINDOW >> 1);
  const groups = { ...(probe.namedGroups ?? {}) };
  const groupCount = probe.groupCount();

  const collect = (text: string, offset: number, limit: number, out: RegexMatch[], accept: (s: number, e: number) => boolean): void => {
    const m = re.matcher(text);
    while (out.length < limit && m.find()) {
      const s = m.start() + offset;
      const e = m.end() + offset;
      if (!accept(s, e)) continue;
      const spans: ({ start: number; end: number; text: string } | undefined)[] = [];
      for (let g = 1; g <= groupCount; g++) {
        const gs = m.start(g);
        spans.push(gs < 0 ? undefined : { start: gs + offset, end: m.end(g) + offset, text: m.group(g) ?? '' });
      }
      out.push({
        start: s,
        end: e,
        group: (g) => {
          const n = typeof g === 'number' ? g : groups[g];
          return n === undefined || n < 1 ? undefined : spans[n - 1];
        },
      });
    }
  };

  return {
    source: pattern,
    groups,
    groupCount,
    test: (text) => re.matcher(text).find(),
    findAll(text, { limit, deadline, now = () => performance.now() }) {
      const out: RegexMatch[] = [];
      const n = text.length;
      const seen = new Set<number>();
      let pos = 0;
      for (;;) {
        let end = Math.min(n, pos + WINDOW);
        if (end < n) {
          // End the window at a line end, so `$` and greedy runs see whole lines.
          const nl = text.indexOf('\n', end);
          if (nl >= 0 && nl - end < OVERLAP) end = nl + 1;
        }
        const last = end >= n;
        // A window that could not end at a line end cuts a (minified) line: there `$` would
        // match falsely and runs would be cut, so nothing touching the cut is taken.
        const hardCut = !last && text.charCodeAt(end - 1) !== 10;
        let cut = Infinity;
        collect(text.slice(pos, end), pos, limit, out, (s, e) => {
          // A match touching the window end may be cut short; the next window sees it whole.
          if (!last && e >= end && (hardCut || s > pos)) {
            if (s > pos) cut = Math.min(cut, s);
            return false;
          }
          if (seen.has(s)) return false;
          seen.add(s);
          return true;
        });
        if (last || out.length >= limit) return out;
        if (deadline !== undefined && now() > deadline) throw new BudgetExceeded('time budget exceeded');
        // Start the next window at a line start inside the overlap (so `^` stays true to lines).
        let next = end - OVERLAP;
        const nl = text.indexOf('\n', next);
        if (nl >= 0 && nl + 1 < end) next = nl + 1;
        pos = Math.max(Math.min(next, cut), pos + 1);
      }
    },
  };
}

/** re2js messages quote the offending piece; add what to write instead for the usual ones. */
function explain(msg: string): string {
  const m = msg.replace(/^error parsing regexp: /, '');
  if (/\(\?[=!]|\(\?<[=!]/.test(m)) return `${m}: lookahead and lookbehind are not supported (patterns run on RE2)`;
  if (/invalid escape sequence: `\\\d/.test(m)) return `${m}: backreferences are not supported (patterns run on RE2)`;
  if (/nested repetition operator: `[+*?]\+`|`\+\+`|`\*\+`/.test(m)) return `${m}: possessive quantifiers are not supported; use a plain quantifier`;
  return m;
}

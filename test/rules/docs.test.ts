import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index';
import { DOCS_DIR, docFiles } from '../tools/rule-docs';

/** docs/rules must be exactly what the rules' meta renders: regenerate with `npm run docs`. */
const dir = path.join(__dirname, '../..', DOCS_DIR);
const files = docFiles(builtinRules);

describe('rule documentation', () => {
  for (const [name, text] of files) {
    it(`${DOCS_DIR}/${name} is up to date`, () => {
      const p = path.join(dir, name);
      expect(existsSync(p), `${DOCS_DIR}/${name} is missing: run npm run docs`).toBe(true);
      expect(readFileSync(p, 'utf8') === text, `${DOCS_DIR}/${name} is out of date: run npm run docs`).toBe(true);
    });
  }
  it('has no docs of rules that no longer exist', () => {
    const stale = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md') && !files.has(f)) : [];
    expect(stale, `stale rule docs (run npm run docs): ${stale.join(', ')}`).toEqual([]);
  });
  it('names each file after the rule, as the SARIF helpUri and the language server link to it', () => {
    for (const r of builtinRules) expect(files.has(`${r.meta.name}.md`)).toBe(true);
  });
  it('never quotes a planted-looking secret shape in an example', () => {
    for (const r of builtinRules) {
      const text = files.get(`${r.meta.name}.md`)!;
      expect(text, r.meta.name).not.toMatch(/[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}/);
      expect(text, r.meta.name).not.toMatch(/AccountKey=[A-Za-z0-9+/]{86}==/);
    }
  });
});

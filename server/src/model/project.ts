import type { ParsedFile } from '../core/documents';
import { contributeAl, mergeAl, type AlContribution, type AlModel } from './al';
import { contributeAlApp, mergeAlApp, type AlAppContribution, type AlAppModel } from './alapp';
import { contributeCSharp, mergeCSharp, type CSharpContribution, type CSharpModel } from './csharp';
import { contributeScript, mergeScript, type ScriptContribution, type ScriptModel } from './script';
import { contributeSolution, mergeSolution, type SolutionContribution, type SolutionModel } from './solution';

/**
 * Facts across files that rules read, so a finding in one file can depend on another (a hidden
 * column is a finding only if its table does not secure it). Built in two steps so the CLI's
 * workers can parse in parallel: each file yields a plain-data contribution, the main thread
 * merges them, and the merged model goes back to the workers that hold the trees.
 */
export interface ProjectModel {
  solution: SolutionModel;
  al: AlModel;
  scripts: ScriptModel;
  csharp: CSharpModel;
  /** Business Central app folders and where their AL source holds hard-coded secrets (alapp.ts). */
  alApp: AlAppModel;
}

/** Plain, structured-clonable data one file adds to the model. */
export interface ModelContribution {
  path: string;
  solution?: SolutionContribution;
  al?: AlContribution;
  script?: ScriptContribution;
  csharp?: CSharpContribution;
  alApp?: AlAppContribution;
}

export function contribute(doc: ParsedFile): ModelContribution {
  const c: ModelContribution = { path: doc.file.path };
  try {
    c.solution = contributeSolution(doc);
    c.al = contributeAl(doc);
    c.script = contributeScript(doc);
    c.csharp = contributeCSharp(doc);
    c.alApp = contributeAlApp(doc);
  } catch {
    // A contribution that fails is dropped; the per-file notice comes from the parser.
  }
  return c;
}

export function mergeModel(parts: ModelContribution[]): ProjectModel {
  // Sorted by path so the merged model, and so every finding, is the same in any scan order.
  const sorted = [...parts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const pick = <T>(f: (c: ModelContribution) => T | undefined): T[] => sorted.map(f).filter((x): x is T => x !== undefined);
  return {
    solution: mergeSolution(pick((c) => c.solution)),
    al: mergeAl(pick((c) => c.al)),
    scripts: mergeScript(pick((c) => c.script)),
    csharp: mergeCSharp(pick((c) => c.csharp)),
    alApp: mergeAlApp(pick((c) => c.alApp)),
  };
}

export function emptyModel(): ProjectModel {
  return mergeModel([]);
}

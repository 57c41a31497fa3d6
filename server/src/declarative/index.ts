/** Declarative rules and rule packs: validated, compiled to core Rules, self-verified. */
export type { RulePackSpec, DeclarativeRuleSpec, Example, StringsMatcher } from './types';
export { validatePack } from './validate';
export { compilePack, compileRule, MAX_REPORTS_PER_FILE, type DeclarativeRule, type CompileOptions } from './compile';
export { compileRegex, RegexSyntaxError, BudgetExceeded, type SafeRegex } from './regex';
export { readPackFile, parsePackText, loadPacks, resolvePackArg } from './load';
export { verifyPack, formatVerifyReport, type VerifyReport, type VerifyFailure } from './verify';

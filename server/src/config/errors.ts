/**
 * A configuration problem the user must fix: a broken d365sec.config.json, rule pack,
 * suppressions file or baseline. It names the file and the key (a JSON path such as
 * `rules.D365S001` or `rules[2].regex`) so the message points at the exact place; the CLI maps
 * it to exit code 2 and prints `message`.
 */
export class ConfigError extends Error {
  readonly file: string;
  readonly key: string;
  readonly exitCode = 2;
  constructor(file: string, key: string, problem: string) {
    super(`${file}${key ? `: ${key}` : ''}: ${problem}`);
    this.name = 'ConfigError';
    this.file = file;
    this.key = key;
  }
}

export function isConfigError(e: unknown): e is ConfigError {
  return e instanceof ConfigError;
}

/** `rules[2].regex`, `rules.D365S001`: the key path notation of every error. */
export function keyPath(...parts: (string | number)[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

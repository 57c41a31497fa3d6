/**
 * Progress and colour decisions for the terminal. Progress is one line on stderr, rewritten in
 * place, shown only on a TTY and only once a scan has run for a second: CI logs (not a TTY) and
 * quick scans never see it.
 */
export class Progress {
  private shownAt = 0;
  private visible = false;
  private readonly started = Date.now();

  constructor(
    private total: number,
    private stream: NodeJS.WriteStream = process.stderr,
    private enabled = stream.isTTY === true,
  ) {}

  update(done: number, what = 'parsed'): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < 1000 || now - this.shownAt < 100) return;
    this.shownAt = now;
    this.visible = true;
    this.stream.write(`\r\x1b[2Kd365sec: ${what} ${done}/${this.total} files`);
  }

  /** Removes the progress line so the summary starts on a clean line. */
  clear(): void {
    if (!this.visible) return;
    this.stream.write('\r\x1b[2K');
    this.visible = false;
  }
}

/**
 * Whether to colour a stream: --color / --no-color win, then FORCE_COLOR (0/false off, anything
 * else on; an explicit request, so it wins over NO_COLOR as in Node and supports-color), then
 * NO_COLOR (any non-empty value, no-color.org), then whether the stream is a TTY.
 */
export function useColor(stream: { isTTY?: boolean }, flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.FORCE_COLOR !== undefined) return !/^(0|false)$/i.test(env.FORCE_COLOR);
  if (env.NO_COLOR) return false;
  return stream.isTTY === true;
}

// Waiting in tests: poll a condition until it holds, never sleep for a fixed time. A timeout
// says what was awaited and shows what was there instead.

/** Poll `read` until its text contains `text` (or matches it); resolves to that text. */
export async function waitForText(
  read: () => string,
  text: string | RegExp,
  { timeout = 3000, poll = 5, what = 'the frame' }: { timeout?: number; poll?: number; what?: string } = {},
): Promise<string> {
  const t0 = Date.now();
  for (;;) {
    const s = read();
    if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
    if (Date.now() - t0 > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${String(text)}; ${what} was:\n${s}`);
    await new Promise((r) => setTimeout(r, poll));
  }
}

/** Poll `check` until it returns something other than undefined or false; resolves to it. */
export async function waitUntil<T>(check: () => T | undefined | false, { timeout = 3000, poll = 5, what = 'a condition' } = {}): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - t0 > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, poll));
  }
}

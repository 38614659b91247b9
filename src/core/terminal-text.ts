// Text from outside (answers files, saved progress, file names) on its way to a terminal.
//
// A terminal obeys control characters and escape sequences: `ESC[2J` clears the screen, OSC 52
// writes the clipboard, OSC 8 makes a hidden link, `\r` and `\b` overwrite what was printed.
// Everything peer-ready prints that quotes such text goes through terminalText, which shows each
// control character as a visible escape (`\u001b[2J`) instead of sending it raw. Nothing else is
// changed, so ordinary text (accents, emoji, CJK) prints as it is.
//
// displayWidth is the number of terminal columns a string takes, for aligning tables. It does not
// load Ink (the scripted path never does); get-east-asian-width is the table string-width uses.
import { eastAsianWidth } from 'get-east-asian-width';

/**
 * C0 controls, DEL, C1 controls (U+0080–U+009F), and the line/paragraph separators and bidi
 * overrides that can reorder or hide what is printed around them.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_TEST = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b' };

const visible = (c: string): string => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The text made safe to print: every control character is shown as an escape. With
 * `{ multiline: true }`, line breaks and tabs are kept (for messages of several lines).
 */
export function terminalText(text: unknown, opts: { multiline?: boolean } = {}): string {
  const s = typeof text === 'string' ? text : String(text);
  if (!CONTROL_TEST.test(s)) return s;
  return s.replace(CONTROL, (c) => (opts.multiline && (c === '\n' || c === '\t') ? c : visible(c)));
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;

/** Columns `text` takes in a terminal (after terminalText: it has no control characters left). */
export function displayWidth(text: string): number {
  let width = 0;
  let prev = '';
  let prevWidth = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let w: number;
    if (cp === 0xfe0f && prevWidth === 1 && PICTOGRAPHIC.test(prev)) w = 1; // emoji presentation: now 2 wide
    else if (ZERO_WIDTH.test(ch)) w = 0;
    else if (prev === '\u200d' && PICTOGRAPHIC.test(ch)) w = 0; // joined into the emoji before it
    else w = eastAsianWidth(cp);
    width += w;
    if (w > 0 || prev !== '\u200d') prevWidth = w;
    prev = ch;
  }
  return width;
}

/** `text` padded with spaces to `width` columns. */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

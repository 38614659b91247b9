// Keys on their way into Ink. Ink 6.8 (the latest 6.x) crashes on a pasted escape sequence that is
// not a key, e.g. `ESC[31m`: its keypress parser reads the "31" as modifier bits (Ctrl set) but finds
// no key name, and useInput then calls `undefined.startsWith` (vadimdemedes/ink#901, fix pending in
// #902). Escape sequences that are not keys mean nothing to the wizard anyway, so they are dropped
// here, before Ink sees them: every key Ink knows (arrows, Home/End, Page Up/Down, Delete, F1–F12,
// Shift-Tab, with or without modifiers) passes, and so do Escape, Alt-letter and all plain text.
// C1 control characters (U+0080–U+009F) are dropped too.

/** The key codes Ink's parse-keypress names (ESC is not included; a final modifier is ignored). */
const KEY_CODES = new Set([
  ...['OP', 'OQ', 'OR', 'OS', 'OA', 'OB', 'OC', 'OD', 'OE', 'OF', 'OH', 'Oa', 'Ob', 'Oc', 'Od', 'Oe'],
  ...['[11~', '[12~', '[13~', '[14~', '[15~', '[17~', '[18~', '[19~', '[20~', '[21~', '[23~', '[24~'],
  ...['[[A', '[[B', '[[C', '[[D', '[[E', '[[5~', '[[6~'],
  ...['[A', '[B', '[C', '[D', '[E', '[F', '[H', '[Z', '[a', '[b', '[c', '[d', '[e'],
  ...['[1~', '[2~', '[3~', '[4~', '[5~', '[6~', '[7~', '[8~'],
  ...['[2$', '[3$', '[5$', '[6$', '[7$', '[8$', '[2^', '[3^', '[5^', '[6^', '[7^', '[8^'],
]);

/** The start and end of a bracketed paste; Ink passes them on as text without crashing. */
const PASTE_MARKERS = new Set(['[200~', '[201~']);

// The same shape Ink's parser reads: ESC(s), a prefix, then "n;m~" or "[1;]m<letter>".
const FN_KEY = /^(O|N|\[|\[\[)(?:(\d+)(?:;(\d+))?([~^$])|(?:1;)?(\d+)?([a-zA-Z]))$/;

function isKey(body: string): boolean {
  const m = FN_KEY.exec(body);
  if (!m) return false;
  const code = m[4] ? `${m[1]}${m[2]}${m[4]}` : `${m[1]}${m[6]}`;
  return KEY_CODES.has(code);
}

/** Where the escape sequence starting at `i` (an ESC) ends; -1 when it is cut off at the end. */
function sequenceEnd(s: string, i: number): { end: number; keep: boolean } | -1 {
  let j = i + 1;
  while (s[j] === '\u001b') j++; // ESC ESC [A is Alt+↑
  const intro = s[j];
  if (intro === undefined) return j === i + 1 ? { end: j, keep: true } : -1; // a lone ESC is the Escape key
  if (intro === '[') {
    let k = j + 1;
    if (s[k] === '[') k++;
    while (k < s.length && /[\u0020-\u003f]/.test(s[k]!)) k++;
    if (k >= s.length) return -1;
    const end = k + 1;
    const final = s[k]!;
    if (!/[\u0040-\u007e]/.test(final)) return { end: k, keep: false }; // malformed: drop what was read
    // Bracketed-paste markers pass too: the wizard reads them (src/core/wizard/keys.ts, KeyReader).
    return { end, keep: isKey(s.slice(j, end)) || PASTE_MARKERS.has(s.slice(j, end)) };
  }
  if (intro === 'O') {
    if (j + 1 >= s.length) return -1;
    return { end: j + 2, keep: isKey(s.slice(j, j + 2)) };
  }
  if (intro === ']' || intro === 'P' || intro === 'X' || intro === '^' || intro === '_') {
    // OSC, DCS, SOS, PM, APC: a string ended by BEL or ESC \ . Never a key.
    for (let k = j + 1; k < s.length; k++) {
      if (s[k] === '\u0007') return { end: k + 1, keep: false };
      if (s[k] === '\u001b' && s[k + 1] === '\\') return { end: k + 2, keep: false };
      if (s[k] === '\u001b' && k + 1 >= s.length) return -1;
    }
    return -1;
  }
  // ESC + a character: Alt+that key.
  const cp = s.codePointAt(j)!;
  return { end: j + (cp > 0xffff ? 2 : 1), keep: true };
}

/** A filter for a stream of key input; keeps a sequence cut off at the end of a chunk for the next. */
export function keyInputFilter(): (chunk: string) => string {
  let carry = '';
  return (chunk) => {
    const s = carry + chunk;
    carry = '';
    let out = '';
    let i = 0;
    while (i < s.length) {
      const esc = s.indexOf('\u001b', i);
      const plain = s.slice(i, esc === -1 ? s.length : esc);
      out += plain.replace(/[\u0080-\u009f]/g, '');
      if (esc === -1) break;
      const seq = sequenceEnd(s, esc);
      if (seq === -1) {
        carry = s.slice(esc);
        // Never hold back more than a plausible sequence: a runaway "string" is dropped.
        if (carry.length > 4096) carry = '';
        break;
      }
      if (seq.keep) out += s.slice(esc, seq.end);
      i = seq.end;
    }
    return out;
  };
}

interface ReadableLike {
  read(size?: number): string | Buffer | null;
}

const guarded = new WeakSet<object>();

/**
 * Make `stdin.read()` hand Ink only keys (see above). Ink reads the terminal with read() on each
 * 'readable' event; a chunk that was all escape sequences reads as '' (no keys).
 */
export function guardKeyInput(stdin: ReadableLike): void {
  if (guarded.has(stdin)) return;
  guarded.add(stdin);
  const read = stdin.read.bind(stdin);
  const filter = keyInputFilter();
  stdin.read = (size?: number) => {
    const chunk = read(size);
    if (chunk === null) return null;
    return filter(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
  };
}

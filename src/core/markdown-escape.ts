// Escaping a value for inline Markdown. Every value a template places with {{…}} goes through
// escapeMarkdown, so an organization name or a note cannot open a link, a table cell, an HTML
// tag or a new block. It escapes a character only where, standing where it stands, it could
// start markup, so the raw file stays readable: "$50", "[City, State]" and "snake_case" are
// left as they are, while "[x](y)", "$x$", "_x_" and "<b>" are escaped.

const MAYBE = /[\\`*_[\]<>|~$&#\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const LEADING = /^\s*(?:[-+=#>]|\d+[.)])/;
const PUNCT = /[!-/:-@[-`{-~]/;
/** The characters `needs` may escape; everything else is left alone without a look. */
const CANDIDATE = /[\\`*_[\]<>|~$&#]/g;
const ENTITY = /&#?\w+;/y;
const TASK_BOX = /[ xX]\]/y;
const ALNUM = /[\p{L}\p{N}]/u;
const escaped = new Map<string, string>();

/** Does the character at `i` need a backslash, given what stands around it? */
function needs(s: string, i: number): boolean {
  const c = s[i]!;
  const next = s[i + 1];
  switch (c) {
    case '`':
    case '*':
    case '|':
    case '<':
    case '~':
      return true;
    // A backslash is literal unless it stands before punctuation (or at the end, where the
    // template's next character may be punctuation).
    case '\\':
      return next === undefined || PUNCT.test(next);
    // An underscore inside a word ("snake_case") never starts emphasis.
    case '_':
      return !(i > 0 && ALNUM.test(s[i - 1]!) && next !== undefined && ALNUM.test(next));
    // "$50" cannot close TeX math (GitHub, pandoc), and without a closing "$" none opens.
    case '$':
      return !(next !== undefined && next >= '0' && next <= '9');
    // "[City, State]" is plain text; a link needs "](", "][" or "]:" (a reference definition).
    // At the end of the value the template's next character is unknown, so escape it there.
    case ']':
      return next === undefined || next === '(' || next === '[' || next === ':';
    // "[ ]" or "[x]" could make a task box, "[^" a footnote.
    case '[':
      TASK_BOX.lastIndex = i + 1;
      return next === '^' || (TASK_BOX.test(s) && /^\s*$/.test(s.slice(0, i)));
    // An entity ("&amp;") would be decoded; a bare "&" is text.
    case '&':
      ENTITY.lastIndex = i;
      return ENTITY.test(s);
    // A "#" after a space at the end could be read as a heading's closing sequence.
    case '#':
      return next === undefined && (i === 0 || /\s/.test(s[i - 1]!));
    default:
      return false;
  }
}

export function escapeMarkdown(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value);
  // The same catalog texts recur in every plan of a batch: remember them (bounded).
  const hit = escaped.get(s);
  if (hit !== undefined) return hit;
  let out = s;
  if (MAYBE.test(s) || LEADING.test(s)) {
    // Line breaks become spaces; C0, DEL and C1 controls go.
    const flat = s.replace(/\r\n?|\n|\u2028|\u2029/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '').replace(/\t/g, ' ');
    const r = flat.replace(CANDIDATE, (c: string, i: number) => (needs(flat, i) ? `\\${c}` : c));
    // A value at the start of a line must not open a list, heading, quote or setext underline.
    // (A backslash before a digit is no escape, so "1." becomes "1\.".)
    out = r.replace(/^(\s*)(?:([-+=#>])|(\d+)([.)]))/, (_m, sp: string, c?: string, n?: string, p?: string) =>
      c ? `${sp}\\${c}` : `${sp}${n}\\${p}`,
    );
  }
  if (escaped.size < 20_000) escaped.set(s, out);
  return out;
}

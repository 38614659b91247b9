// Wrapping long Markdown lines, so that the raw plan reads well in an editor and in a diff.
// A paragraph or list item becomes several lines of one paragraph: every renderer joins them
// again. Tables, headings and fenced code are left as they are (they cannot be wrapped).

/** A word that, first on a line, could open a new block (list, quote, heading, table, fence…). */
const OPENS_BLOCK = /^(?:[-+*]|#{1,6}|\d+[.)]|=+|-+|_+|\*+|[>|<].*|`{3,}.*|~{3,}.*)$/;
/** The first characters of the words OPENS_BLOCK can match. */
const MAY_OPEN = /[-+*#\d=_>|<`~]/;
const LIST = /^(\s*)([-+*]|\d+[.)]) /;

export const WRAP_WIDTH = 100;
const patterns: Record<number, RegExp> = {};

/** Wrap every long line, and drop trailing spaces (two would make a hard line break). */
export function wrapMarkdown(text: string, width = WRAP_WIDTH): string {
  let t = text.includes(' \n') || text.includes('\t') || text.endsWith(' ') ? text.replace(/[ \t]+$/gm, '') : text;
  // One pass of the regex engine: a fenced block is kept whole, a line over the width is wrapped
  // unless it is a table row or a heading.
  const long = (patterns[width] ??= new RegExp(`^(?: {0,3}(\`{3,}|~{3,})[^\\n]*\\n[\\s\\S]*?^ {0,3}\\1[^\\n]*$|(.{${width + 1},})$)`, 'gm'));
  t = t.replace(long, (m: string, _fence?: string, line?: string) => (line === undefined || /^\s*[|#]/.test(line) ? m : wrapCached(line, width)));
  return t;
}

// The same long lines (a task, a requirement) recur in every plan of a batch: remember them (bounded).
const wrapped = new Map<string, string>();
function wrapCached(line: string, width: number): string {
  if (width !== WRAP_WIDTH) return wrapLine(line, width);
  let w = wrapped.get(line);
  if (w === undefined) {
    w = wrapLine(line, width);
    if (wrapped.size < 20_000) wrapped.set(line, w);
  }
  return w;
}

function wrapLine(line: string, width: number): string {
  // What continues the block on the next line: the list item's indent, or the quote marker.
  const list = LIST.exec(line);
  const quote = list ? null : /^(\s*(?:> ?)+)/.exec(line);
  const lead = list ? list[0] : quote ? quote[1]! : /^\s*/.exec(line)![0];
  const indent = list ? ' '.repeat(list[0].length) : quote ? quote[1]! : lead;
  // A break replaces the space at p by a new line. The next line may not start with a word that
  // would open a block there, and this one may not end in a space or a backslash (that would be
  // a hard line break).
  const mayBreakAt = (p: number) => {
    const before = line[p - 1];
    if (before === ' ' || before === '\\' || line[p + 1] === ' ' || p + 1 >= line.length) return false;
    if (!MAY_OPEN.test(line[p + 1]!)) return true;
    const end = line.indexOf(' ', p + 1);
    return !OPENS_BLOCK.test(line.slice(p + 1, end < 0 ? undefined : end));
  };
  const out: string[] = [];
  let prefix = lead;
  let start = lead.length;
  while (prefix.length + (line.length - start) > width) {
    // The last allowed break that keeps this line within the width, else the first one after.
    let p = line.lastIndexOf(' ', start + width - prefix.length);
    while (p > start && !mayBreakAt(p)) p = line.lastIndexOf(' ', p - 1);
    if (p <= start) {
      p = line.indexOf(' ', start + width - prefix.length + 1);
      while (p >= 0 && !mayBreakAt(p)) p = line.indexOf(' ', p + 1);
      if (p < 0) break;
    }
    out.push(prefix + line.slice(start, p));
    prefix = indent;
    start = p + 1;
  }
  out.push(prefix + line.slice(start));
  return out.join('\n');
}

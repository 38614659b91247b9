// Wrapping long Markdown lines, so that the raw plan reads well in an editor and in a diff.
// A paragraph or list item becomes several lines of one paragraph: every renderer joins them
// again. Tables, headings and fenced code are left as they are (they cannot be wrapped).

/** A word that, first on a line, could open a new block (list, quote, heading, table, fence…). */
const OPENS_BLOCK = /^(?:[-+*]|#{1,6}|\d+[.)]|=+|-+|_+|\*+|[>|<].*|`{3,}.*|~{3,}.*)$/;
const LIST = /^(\s*)([-+*]|\d+[.)]) /;
const FENCE = /^\s*(`{3,}|~{3,})/;

export const WRAP_WIDTH = 100;

export function wrapMarkdown(text: string, width = WRAP_WIDTH): string {
  if (!text.split('\n').some((l) => l.length > width)) return text;
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of text.split('\n')) {
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]!.startsWith(fence)) fence = undefined;
      out.push(line);
      continue;
    }
    if (f) {
      fence = f[1]![0]!.repeat(3);
      out.push(line);
      continue;
    }
    if (line.length <= width || /^\s*(?:[|#]|```)/.test(line)) {
      out.push(line);
      continue;
    }
    out.push(...wrapLine(line, width));
  }
  return out.join('\n');
}

function wrapLine(line: string, width: number): string[] {
  // What continues the block on the next line: the list item's indent, or the quote marker.
  const list = LIST.exec(line);
  const quote = /^(\s*(?:> ?)+)/.exec(line);
  const lead = list ? list[0] : quote ? quote[1]! : /^\s*/.exec(line)![0];
  const indent = list ? ' '.repeat(list[0].length) : quote ? quote[1]! : lead;
  const words = line.slice(lead.length).split(' ');
  // A word may begin a line unless it would open a block there, and a line may not end in a
  // backslash (that would be a hard line break).
  const mayStart = (k: number) => k > 0 && words[k] !== '' && !OPENS_BLOCK.test(words[k]!) && words[k - 1] !== '' && !words[k - 1]!.endsWith('\\');
  const lines: string[] = [];
  let first = 0; // the first word of the current line
  let len = lead.length + words[0]!.length;
  for (let k = 1; k < words.length; k++) {
    len += 1 + words[k]!.length;
    if (len <= width) continue;
    // Break before word k, or else before the nearest earlier word that may start a line.
    let at = k;
    while (at > first && !mayStart(at)) at--;
    if (at === first) continue; // no place to break: let the line run long
    lines.push((lines.length === 0 ? lead : indent) + words.slice(first, at).join(' '));
    first = at;
    len = indent.length + words.slice(first, k + 1).join(' ').length;
  }
  lines.push((lines.length === 0 ? lead : indent) + words.slice(first).join(' '));
  return lines;
}

// Rendering plan templates. Mustache is logic-less: a template can only place values and repeat
// sections of the model, so a user-supplied template cannot run code.
import Mustache from 'mustache';
import { InputError } from './errors.js';

export type Templates = Record<string, { text: string; file: string }>;

const NEEDS_ESCAPE = /[\\`*_[\]<>|~$&\u0000-\u001f\u007f\u2028\u2029]/;
const LEADING = /^\s*(?:[-+=#]|\d+[.)])/;
const escaped = new Map<string, string>();

/**
 * Escape text for inline Markdown: every value placed by {{…}} goes through this, so an
 * organisation name or a note cannot open a link, a table cell, an HTML tag or a new block.
 */
export function escapeMarkdown(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value);
  // The same catalog texts recur in every plan of a batch: remember them (bounded).
  const hit = escaped.get(s);
  if (hit !== undefined) return hit;
  const out =
    !NEEDS_ESCAPE.test(s) && !LEADING.test(s)
      ? s
      : s
          .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
          .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
          // Only characters that can start markup mid-line are escaped, so ordinary text stays
          // readable in the raw file: with [ and ] escaped no link can form, so ( ) ! are safe.
          .replace(/[\\`*_[\]<>|~$]/g, (c) => `\\${c}`)
          .replace(/&(?=#?\w+;)/g, '\\&')
          .replace(/^(\s*)([-+=#]|\d+(?=[.)]))/, (_m, sp: string, c: string) => `${sp}\\${c}`);
  if (escaped.size < 20_000) escaped.set(s, out);
  return out;
}

/** Where character `index` of `text` falls, as "line L, column C". */
export function lineCol(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

type Token = [string, string, number, number, Token[]?, number?];

/** Parse every template, reporting the file and line of the first error; check that partials exist. */
export function checkTemplates(templates: Templates): void {
  for (const [name, t] of Object.entries(templates)) {
    let tokens: Token[];
    try {
      tokens = Mustache.parse(t.text) as unknown as Token[];
    } catch (e) {
      const msg = (e as Error).message;
      const at = /at (\d+)\s*$/.exec(msg);
      const where = at ? `line ${lineCol(t.text, Number(at[1])).line}` : '';
      throw new InputError(t.file, where, `template error: ${msg.replace(/\s*at \d+\s*$/, '')}`);
    }
    const walk = (ts: Token[]) => {
      for (const tok of ts) {
        if (tok[0] === '>' && !(tok[1] in templates)) {
          throw new InputError(
            t.file,
            `line ${lineCol(t.text, tok[2]).line}`,
            `template error: partial "${tok[1]}" does not exist (templates: ${Object.keys(templates).join(', ')})`,
          );
        }
        if (tok[4]) walk(tok[4]);
      }
    };
    walk(tokens);
    void name;
  }
}

export function render(templates: Templates, root: string, view: unknown, escape: (v: unknown) => string = escapeMarkdown): string {
  const t = templates[root];
  if (!t) throw new Error(`internal: no template "${root}"`);
  const partials: Record<string, string> = {};
  for (const [k, v] of Object.entries(templates)) partials[k] = v.text;
  return Mustache.render(t.text, view, partials, { escape });
}

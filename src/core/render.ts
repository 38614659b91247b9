// Rendering plan templates. Mustache is logic-less: a template can only place values and repeat
// sections of the model, so a user-supplied template cannot run code.
import Mustache from 'mustache';
import { InputError } from './errors.js';

/** Templates by name. `custom` marks one that came from the user (--templates DIR). */
export type Templates = Record<string, { text: string; file: string; custom?: boolean }>;

const NEEDS_ESCAPE = /[\\`*_[\]<>|~$&\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
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
          .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '') // C0, DEL and C1 controls
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

/**
 * Mustache reports a section or tag left open at the end of the template, which is not where
 * the mistake is: find where it was opened. (With custom delimiters, keep Mustache's position.)
 */
function openingIndex(text: string, msg: string, pos: number): number {
  if (pos < text.length) return pos;
  const section = /^Unclosed section "(.*)"/.exec(msg);
  if (section) {
    // Close every open section at the end, parse again, and take the innermost one so named.
    let closed = text;
    for (let i = 0; i < 50; i++) {
      try {
        let found = -1;
        const walk = (ts: Token[]) => {
          for (const tok of ts) {
            if ((tok[0] === '#' || tok[0] === '^') && tok[1] === section[1] && (tok[5] ?? 0) >= text.length) found = Math.max(found, tok[2]);
            if (tok[4]) walk(tok[4]);
          }
        };
        walk(Mustache.parse(closed) as unknown as Token[]);
        return found >= 0 ? found : pos;
      } catch (e) {
        const m = /^Unclosed section "(.*)" at (\d+)$/.exec((e as Error).message);
        if (!m || Number(m[2]) < closed.length) return pos;
        closed += `{{/${m[1]}}}`;
      }
    }
    return pos;
  }
  if (/^Unclosed tag/.test(msg)) {
    const lastClose = text.lastIndexOf('}}');
    const open = text.indexOf('{{', lastClose < 0 ? 0 : lastClose + 2);
    return open >= 0 ? open : pos;
  }
  return pos;
}

/** Parse every template, reporting the file and line of the first error; check that partials exist. */
export function checkTemplates(templates: Templates): void {
  for (const t of Object.values(templates)) {
    let tokens: Token[];
    try {
      tokens = Mustache.parse(t.text) as unknown as Token[];
    } catch (e) {
      const msg = (e as Error).message;
      const at = /at (\d+)\s*$/.exec(msg);
      const where = at ? `line ${lineCol(t.text, openingIndex(t.text, msg, Number(at[1]))).line}` : '';
      throw new InputError(t.file, where, `template error: ${msg.replace(/\s*at \d+\s*$/, '')}`);
    }
    const walk = (ts: Token[]) => {
      for (const tok of ts) {
        // Mustache caches lookups in a plain object under the tag's name, so a tag named
        // hasOwnProperty breaks every later lookup ("cache.hasOwnProperty is not a function").
        if (tok[1] === 'hasOwnProperty' && tok[0] !== 'text') {
          throw new InputError(t.file, `line ${lineCol(t.text, tok[2]).line}`, 'template error: "hasOwnProperty" cannot be used as a name');
        }
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
  }
}

// What a template sees: the view's own data and nothing else. Mustache finds a name with `in`,
// which also sees Object.prototype and Array.prototype, and it calls any function it finds, so
// on the model itself {{constructor.name}} prints "Object" and {{phases.map}} or
// {{#__defineGetter__}} throw inside Mustache. On this copy every object and array has a
// prototype with no named properties, only Symbol.toPrimitive, so {{org}} still prints
// "[object Object]" and a list still prints comma-separated, as before.
const OBJECT_PROTO = Object.freeze(Object.create(null, { [Symbol.toPrimitive]: { value: () => '[object Object]' } }));
const ARRAY_PROTO = Object.freeze(
  Object.create(null, {
    [Symbol.toPrimitive]: {
      value(this: unknown[]) {
        return Array.from({ length: this.length }, (_, i) => (this[i] == null ? '' : String(this[i]))).join(',');
      },
    },
  }),
);

export function plainView(value: unknown): unknown {
  if (Array.isArray(value)) return Object.setPrototypeOf(value.map(plainView), ARRAY_PROTO);
  if (value !== null && typeof value === 'object') {
    const out = Object.create(OBJECT_PROTO) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== 'function') out[k] = plainView(v);
    return out;
  }
  return typeof value === 'function' ? undefined : value;
}

/** The first partial tag reachable from `root` that includes a template already being included. */
function partialLoop(templates: Templates, root: string): { file: string; where: string; chain: string[] } | undefined {
  const visit = (name: string, stack: string[]): { file: string; where: string; chain: string[] } | undefined => {
    const t = templates[name];
    if (!t) return undefined;
    const tags: Token[] = [];
    const walk = (ts: Token[]) => ts.forEach((tok) => (tok[0] === '>' ? tags.push(tok) : tok[4] && walk(tok[4])));
    walk(Mustache.parse(t.text) as unknown as Token[]);
    const path = [...stack, name];
    for (const tok of tags) {
      if (path.includes(tok[1])) return { file: t.file, where: `line ${lineCol(t.text, tok[2]).line}`, chain: [...path, tok[1]].slice(path.indexOf(tok[1])) };
      const found = visit(tok[1], path);
      if (found) return found;
    }
    return undefined;
  };
  return visit(root, []);
}

export function render(templates: Templates, root: string, view: unknown, escape: (v: unknown) => string = escapeMarkdown): string {
  const t = templates[root];
  if (!t) throw new Error(`internal: no template "${root}"`);
  const partials: Record<string, string> = {};
  for (const [k, v] of Object.entries(templates)) partials[k] = v.text;
  try {
    // The built-in templates are ours and read the model as it is; when any template is the
    // user's, they all see the plain copy.
    const custom = Object.values(templates).some((x) => x.custom);
    return Mustache.render(t.text, custom ? plainView(view) : view, partials, { escape });
  } catch (e) {
    // A partial that includes itself, directly or through others, never stops: name the partial
    // tag that closes the loop.
    if (e instanceof RangeError) {
      const loop = partialLoop(templates, root);
      if (loop) throw new InputError(loop.file, loop.where, `template error: partials include one another without end (${loop.chain.join(' > ')})`);
      throw new InputError(t.file, '', 'template error: partials include one another without end');
    }
    throw e;
  }
}

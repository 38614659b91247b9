// Rendering plan templates. Mustache is logic-less: a template can only place values and repeat
// sections of the model, so a user-supplied template cannot run code.
import Mustache from 'mustache';
import { InputError } from './errors.js';
import { escapeMarkdown } from './markdown-escape.js';
import { lineCol } from './line-col.js';

/** Templates by name. `custom` marks one that came from the user (--templates DIR). */
export type Templates = Record<string, { text: string; file: string; custom?: boolean }>;

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

/**
 * The first tag not closed on its own line: "{{org.name}" then a newline runs on to the next
 * "}}", maybe lines later, and names nothing, so the text between silently disappears (or
 * Mustache reports an odd section name). Comments may span lines; with other delimiters set
 * ({{=<% %>=}}) this check is off.
 */
function unclosedTag(text: string): { index: number; tag: string } | undefined {
  if (text.includes('{{=')) return undefined;
  for (const m of text.matchAll(/\{\{(\{?)/g)) {
    const start = m.index;
    if (text[start + m[0].length] === '!') continue;
    const eol = text.slice(start).search(/\r?\n|$/);
    const line = text.slice(start, start + eol);
    if (!line.includes(m[1] ? '}}}' : '}}', m[0].length)) return { index: start, tag: line.trimEnd().slice(0, 40) };
  }
  return undefined;
}

/** Parse every template, reporting the file and line of the first error; check that partials exist. */
export function checkTemplates(templates: Templates): void {
  for (const t of Object.values(templates)) {
    const open = unclosedTag(t.text);
    if (open) throw new InputError(t.file, `line ${lineCol(t.text, open.index).line}`, `template error: the tag "${open.tag}" is not closed with "}}" on its line`);
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
        if (tok[0] === '>' && !Object.hasOwn(templates, tok[1])) {
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
    const t = Object.hasOwn(templates, name) ? templates[name] : undefined;
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

/** Partials may include partials this deep (the built-in plan uses 1). */
export const MAX_PARTIAL_DEPTH = 10;
/** A rendered document may be this long (a built-in plan is well under 1 MiB). */
export const MAX_OUTPUT_CHARS = 16 * 1024 * 1024;

class TemplateLimit extends Error {}

/**
 * Mustache's writer, counting as it goes: the characters it has produced (every character of
 * the output comes from exactly one text, {{value}} or {{{value}}} tag) and how deep partials
 * are included. Sections inside partials inside sections multiply the output, so a few
 * templates can ask for gigabytes; this stops at MAX_OUTPUT_CHARS instead.
 */
class BoundedWriter extends Mustache.Writer {
  chars = 0;
  /** The partial tags being rendered, outermost first, with the template each one is in. */
  stack: { token: Token; in: string }[] = [];
  names: string[] = [];

  reset(root: string): void {
    this.chars = 0;
    this.stack = [];
    this.names = [root];
  }

  private count<T>(value: T): T {
    if (value != null) this.chars += typeof value === 'string' ? value.length : String(value).length;
    if (this.chars > MAX_OUTPUT_CHARS) throw new TemplateLimit('output');
    return value;
  }

  override rawValue(token: string[]): string {
    return this.count(super.rawValue(token));
  }
  override escapedValue(token: string[], context: Mustache.Context, config?: Mustache.RenderOptions): string {
    return this.count(super.escapedValue(token, context, config));
  }
  override unescapedValue(token: string[], context: Mustache.Context): string {
    return this.count(super.unescapedValue(token, context));
  }
  override renderPartial(token: string[], context: Mustache.Context, partials?: Mustache.PartialsOrLookupFn, config?: Mustache.OpeningAndClosingTags | Mustache.RenderOptions): string {
    if (this.stack.length >= MAX_PARTIAL_DEPTH) throw new TemplateLimit('depth');
    this.stack.push({ token: token as unknown as Token, in: this.names.at(-1)! });
    this.names.push(token[1]!);
    const out = super.renderPartial(token, context, partials, config);
    this.stack.pop();
    this.names.pop();
    return out;
  }
}

const writer = new BoundedWriter();

export function render(templates: Templates, root: string, view: unknown, escape: (v: unknown) => string = escapeMarkdown): string {
  const t = templates[root];
  if (!t) throw new Error(`internal: no template "${root}"`);
  // No prototype: a partial named "constructor" or "__proto__" is simply not there.
  const partials: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(templates)) partials[k] = v.text;
  writer.reset(root);
  try {
    // The built-in templates are ours and read the model as it is; when any template is the
    // user's, they all see the plain copy.
    const custom = Object.values(templates).some((x) => x.custom);
    return writer.render(t.text, custom ? plainView(view) : view, partials, { escape });
  } catch (e) {
    // A partial that includes itself, directly or through others, never stops: name the partial
    // tag that closes the loop.
    if (e instanceof RangeError || (e instanceof TemplateLimit && e.message === 'depth')) {
      const loop = partialLoop(templates, root);
      if (loop) throw new InputError(loop.file, loop.where, `template error: partials include one another without end (${loop.chain.join(' > ')})`);
    }
    // Otherwise name the outermost partial tag on the way (where the nesting starts).
    const chain = writer.names.join(' > ');
    const at = writer.stack[0];
    const where = at ? `line ${lineCol(templates[at.in]?.text ?? '', at.token[2]).line}` : '';
    const file = at ? (templates[at.in]?.file ?? t.file) : t.file;
    if (e instanceof TemplateLimit && e.message === 'depth') {
      throw new InputError(file, where, `template error: partials are nested more than ${MAX_PARTIAL_DEPTH} deep (${chain})`);
    }
    if (e instanceof TemplateLimit) {
      throw new InputError(
        file,
        where,
        `template error: the output would be longer than ${MAX_OUTPUT_CHARS / 1024 / 1024} MiB (${chain}); check for sections repeated inside one another`,
      );
    }
    if (e instanceof RangeError) throw new InputError(t.file, '', 'template error: partials include one another without end');
    throw e;
  }
}

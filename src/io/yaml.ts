// YAML reading with errors that name the file, line and column. Loaded only when a YAML file is read.
import { parseDocument, visit, type Document, type YAMLError } from 'yaml';
import { InputError } from '../core/errors.js';

/**
 * An alias (`*name`) copies what its anchor holds; aliases of aliases multiply ("billion
 * laughs"). The yaml package stops at this many copies; no answers or content file needs more.
 */
export const MAX_ALIAS_COUNT = 100;

function where(e: YAMLError): string {
  const pos = e.linePos?.[0];
  return pos ? `line ${pos.line}, column ${pos.col}` : '';
}

/** The first line of a yaml message, without the position it repeats. */
function firstLine(e: YAMLError): string {
  return e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '').replace(/:$/, '');
}

export function parseYamlText(text: string, file: string): unknown {
  // parseDocument collects warnings (an unknown tag) instead of printing them over several
  // lines as parse() does; they are reported here like errors, one line, with the place.
  // (logLevel 'silent' would also drop the error for a second document in the file.)
  const doc: Document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const kind = doc.errors.length ? 'not valid YAML' : 'unsupported YAML';
    const detail = problem.code === 'TAG_RESOLVE_FAILED' ? `${firstLine(problem)} (peer-ready reads plain YAML: remove the tag)` : firstLine(problem);
    throw new InputError(file, where(problem), `${kind}: ${detail}`);
  }
  const lineCol = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
  };
  // A merge key (`<<: *base`) is a YAML 1.1 feature this parser reads as an ordinary key named "<<",
  // which would later be reported as an unknown id. Say what it is instead.
  let merge: string | undefined;
  visit(doc, {
    Pair(_key, pair) {
      const k = pair.key as { value?: unknown; type?: string; range?: [number, number, number] } | null;
      if (k && k.value === '<<' && k.type === 'PLAIN') {
        merge = k.range ? lineCol(k.range[0]) : '';
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (merge !== undefined) {
    throw new InputError(file, merge, 'unsupported YAML: merge keys (<<) are not read by peer-ready; write the keys out in full (quote "<<" if it is meant as a key)');
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // An alias whose anchor is missing (or comes after it): name it, and where it is.
    const unresolved = e instanceof ReferenceError ? /^Unresolved alias.*?: (.*)$/.exec(e.message) : null;
    if (unresolved) {
      let at = '';
      visit(doc, {
        Alias(_key, node) {
          if (node.source === unresolved[1]) {
            if (node.range) at = lineCol(node.range[0]);
            return visit.BREAK;
          }
          return undefined;
        },
      });
      throw new InputError(file, at, `not valid YAML: the alias *${unresolved[1]} has no anchor &${unresolved[1]} before it`);
    }
    // Too many aliases: the yaml package throws a ReferenceError. Name the first alias.
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      let at: string = '';
      visit(doc, {
        Alias(_key, node) {
          if (node.range) at = lineCol(node.range[0]);
          return visit.BREAK;
        },
      });
      throw new InputError(
        file,
        at,
        `unsupported YAML: its aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies; write the values out instead`,
      );
    }
    throw e;
  }
}

export { stringify as stringifyYaml } from 'yaml';

// Where a JSON mistake is. Loaded only when JSON.parse has rejected a file.
import { InputError } from '../core/errors.js';
import { lineCol } from '../core/line-col.js';
// The ESM build (the package's main entry is UMD, which a bundler cannot follow).
import { visit } from 'jsonc-parser/lib/esm/main.js';

/**
 * The error for text JSON.parse rejected, always with a line and column. V8's messages give a
 * position for some mistakes and not others (and quote the file's text instead), so the place
 * comes from a second, error-tolerant parse (jsonc-parser, without its comment and
 * trailing-comma extensions) when V8 gives none.
 */
export function jsonSyntaxError(text: string, file: string, e: Error): InputError {
  const msg = e.message;
  const pos = /at position (\d+)/.exec(msg);
  const at = pos ? Number(pos[1]) : firstJsonError(text);
  const where = lineCol(text, Math.min(at, text.length));
  // V8 quotes the text around the mistake ('Unexpected token 'y', "{"a": yes}" is not valid
  // JSON'), which can run over several lines; the line and column say the same.
  const detail = msg
    .replace(/^JSON\.parse: /, '')
    .replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '')
    .replace(/ (?:in JSON )?at position \d+[\s\S]*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '')
    .replace(/\s+/g, ' ');
  return new InputError(file, `line ${where.line}, column ${where.column}`, `not valid JSON: ${detail}`);
}

/** Where the first mistake in `text` is (JSON without comments or trailing commas); the end if none is found. */
function firstJsonError(text: string): number {
  let at: number | undefined;
  const stop = (offset: number) => {
    at ??= offset;
  };
  visit(
    text,
    { onError: (_code, offset) => stop(offset), onComment: (offset) => stop(offset) },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return at ?? text.trimEnd().length;
}


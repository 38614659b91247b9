// Reading an answers file (JSON or YAML) into a checked assessment.
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { validateAnswers, type Assessment, type ProgramType } from '../core/answers.js';
import { InputError } from '../core/errors.js';
import { errnoReason } from './errno.js';
import type { Questionnaire } from '../core/questionnaire.js';

/** Read a file as text, with a clear error for everything that is not a readable text file. */
export function readTextFile(file: string, what = 'an answers file'): string {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(file, '', code === 'ENOENT' ? 'no such file' : `cannot read it (${errnoReason(e)})`);
  }
  if (st.isDirectory()) {
    throw new InputError(file, '', `is a directory, not ${what}${what === 'an answers file' ? ' (for a plan per file in it, add --out-dir PLANS)' : ''}`);
  }
  if (!st.isFile()) throw new InputError(file, '', 'is not a regular file');
  if (st.size > 5 * 1024 * 1024) throw new InputError(file, '', `is ${Math.round(st.size / 1024 / 1024)} MiB; ${what} is a few KiB`);
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new InputError(file, '', `cannot read it (${errnoReason(e)})`);
  }
  if (buf.includes(0)) throw new InputError(file, '', `is a binary file, not ${what}`);
  // isUtf8 is a plain byte check; a fatal TextDecoder would load ICU's converters first.
  if (!isUtf8(buf)) throw new InputError(file, '', 'is not UTF-8 text (is it a binary file?)');
  return buf.toString('utf8').replace(/^\uFEFF/, '');
}

export function isYamlName(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

/** Parse JSON; a mistake is an InputError with its line and column (see json-error.ts). */
export async function parseJsonText(text: string, file: string): Promise<unknown> {
  try {
    return JSON.parse(text);
  } catch (e) {
    const { jsonSyntaxError } = await import('./json-error.js');
    throw jsonSyntaxError(text, file, e as Error);
  }
}

/** Parse answers text: JSON for .json files (or text starting with "{"), YAML otherwise. */
export async function parseAnswersText(text: string, file: string): Promise<unknown> {
  if (text.trim() === '') throw new InputError(file, '', 'is empty; run `peer-ready answers-template` for a complete answers file');
  const json = file.toLowerCase().endsWith('.json') || (!isYamlName(file) && text.trimStart().startsWith('{'));
  if (json) return parseJsonText(text, file);
  const { parseYamlText } = await import('./yaml.js');
  return parseYamlText(text, file);
}

export async function readAnswersFile(
  file: string,
  qs: readonly Questionnaire[] | ((programType: ProgramType) => readonly Questionnaire[]),
  opts: { allowMissing?: boolean; sameProgramAs?: { file: string; programType: ProgramType } } = {},
): Promise<Assessment> {
  const data = await parseAnswersText(readTextFile(file), file);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(file, '(top level)', 'an answers file is an object with "profile" and "answers"');
  }
  // Files that must share a program type (merge): a different one is the mistake to report,
  // before the other program's role questions are reported as unknown ids.
  const other = opts.sameProgramAs;
  const programType = (data as { profile?: { programType?: unknown } }).profile?.programType;
  // (A program type is known when it has questions: the program types are the role packs.)
  const known = (p: string) => {
    try {
      return typeof qs !== 'function' || qs(p).length > 0;
    } catch {
      return false;
    }
  };
  if (other && typeof programType === 'string' && programType !== other.programType && known(programType)) {
    throw new InputError(file, 'profile.programType', `is "${programType}", but ${other.file} is "${other.programType}"; these files are about different programs`);
  }
  return validateAnswers(data, qs, file, opts);
}

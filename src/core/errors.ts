import type * as z from 'zod';

/** One mistake in an input file: where it is (a field path, or "line L, column C") and what is wrong. */
export interface Problem {
  where: string;
  detail: string;
}

/** At most this many problems of one file are listed; the rest are counted. */
export const MAX_PROBLEMS = 20;

/**
 * A problem with something the user gave us (a file, a flag). The CLI prints
 * `peer-ready: FILE: PATH: MESSAGE` and exits 2, having written nothing. A file with several
 * mistakes gives one InputError listing them all (up to MAX_PROBLEMS), one per line:
 *
 *   FILE: 3 problems:
 *     profile.name: the organization name is empty
 *     answers.tl.01: "maybe" is not an answer to this question; use one of: true, false, not-sure
 *     ...
 */
export class InputError extends Error {
  /** Every problem found (the first is `where` and `detail`). */
  readonly problems: readonly Problem[];

  constructor(
    readonly file: string,
    readonly where: string,
    readonly detail: string,
    more: readonly Problem[] = [],
  ) {
    const problems = [{ where, detail }, ...more];
    super(describeProblems(file, problems));
    this.name = 'InputError';
    this.problems = problems;
  }

  /** One error for every problem in `problems` (at least one); the same place is reported once. */
  static all(file: string, problems: readonly Problem[]): InputError {
    const seen = new Set<string>();
    const unique = problems.filter((p) => !seen.has(p.where) && seen.add(p.where));
    const [first, ...more] = unique;
    if (!first) throw new Error('internal: InputError.all without a problem');
    return new InputError(file, first.where, first.detail, more);
  }

  static fromZod(file: string, error: z.ZodError, prefix = ''): InputError {
    return InputError.all(file, zodProblems(error, prefix));
  }
}

function describeProblems(file: string, problems: readonly Problem[]): string {
  const line = (p: Problem) => `${p.where ? `${p.where}: ` : ''}${p.detail}`;
  if (problems.length === 1) return `${file}: ${line(problems[0]!)}`;
  const shown = problems.slice(0, MAX_PROBLEMS).map((p) => `  ${line(p)}`);
  const rest = problems.length - shown.length;
  return [`${file}: ${problems.length} problems:`, ...shown, ...(rest > 0 ? [`  (and ${rest} more problem${rest === 1 ? '' : 's'})`] : [])].join('\n');
}

/** Every issue of a zod error as a problem with its path (`prefix` goes in front of each path). */
export function zodProblems(error: z.ZodError, prefix = ''): Problem[] {
  const out: Problem[] = [];
  const add = (issue: z.core.$ZodIssue, base: readonly PropertyKey[]) => {
    const path = [...base, ...issue.path];
    // A union of a value and an object ({ value, note }) given an object: its problems are the
    // object's, so report those rather than "matches none of the forms".
    if (issue.code === 'invalid_union' && isPlainObject(issue.input)) {
      const branch = issue.errors.find((b) => b.length > 0 && b.every((i) => i.path.length > 0 || i.code === 'unrecognized_keys'));
      if (branch) {
        for (const inner of branch) add(inner, path);
        return;
      }
    }
    out.push({ where: formatPath(path) || '(top level)', detail: describeIssue(issue) });
  };
  for (const issue of error.issues) add(issue, prefix ? [prefix] : []);
  return out;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else {
      const key = String(p).length > 60 ? `${String(p).slice(0, 60)}…` : String(p);
      out += out ? `.${key}` : key;
    }
  }
  return out;
}

/** What a schema's type means to someone writing the file. */
const EXPECTED: Record<string, string> = {
  string: 'text (a string)',
  boolean: 'true or false',
  number: 'a number',
  int: 'a whole number',
  object: 'an object with fields',
  record: 'an object with fields',
  array: 'a list',
};

/** zod's own default messages ("Invalid input", "Too small: …"): replaced by ours. */
const DEFAULT_MESSAGE = /^(?:Invalid|Too (?:small|big)|Expected)/;

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type': {
      // A schema's own message says what it expects ("a date written YYYY-MM-DD").
      const expected = DEFAULT_MESSAGE.test(issue.message) ? (EXPECTED[issue.expected] ?? issue.expected) : issue.message;
      if (issue.input === undefined) return `missing: expected ${expected}`;
      return `expected ${expected}, got ${describe(issue.input)}`;
    }
    case 'invalid_value':
      if (issue.input === undefined) return `missing: expected ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => String(v)).join(', ')}`}`;
      if (issue.values.length === 1) return `must be ${JSON.stringify(issue.values[0])} (got ${describe(issue.input)})`;
      return `must be one of: ${issue.values.map((v) => String(v)).join(', ')} (got ${describe(issue.input)})`;
    case 'invalid_union':
      // The schema's own message says which forms are accepted.
      if (issue.input === undefined) return `missing${DEFAULT_MESSAGE.test(issue.message) ? '' : `: ${issue.message}`}`;
      return `${DEFAULT_MESSAGE.test(issue.message) ? 'not in any accepted form' : issue.message}, got ${describe(issue.input)}`;
    case 'too_small':
    case 'too_big': {
      if (!DEFAULT_MESSAGE.test(issue.message)) return issue.message;
      const n = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      if (issue.origin === 'string') {
        if (issue.code === 'too_small') return n <= 1 ? 'is empty' : `is shorter than ${n} characters`;
        return `is longer than ${n} characters${typeof issue.input === 'string' ? ` (it has ${issue.input.length})` : ''}`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return issue.code === 'too_small' ? `needs at least ${n} entr${n === 1 ? 'y' : 'ies'}` : `has more than ${n} entries`;
      return issue.code === 'too_small' ? `must be at least ${n}` : `must be at most ${n}`;
    }
    default:
      return issue.message;
  }
}

/** A value from the user quoted in a message, cut short when long. */
export function quoted(v: string, max = 60): string {
  return `"${v.length > max ? `${v.slice(0, max)}…` : v}"`;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

/** The candidate closest to `word` by edit distance, if it is close enough to be a plausible typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 100) return undefined; // no typo of a short id; and edit distance is quadratic
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

// peer-ready's entry point: reads the command line and chooses the mode. The scripted
// commands never load Ink or React; the wizard is imported only when it is going to run.
import { parseArgs } from 'node:util';
import { InputError, nearest, UsageError } from './core/errors.js';
import { EXIT } from './core/exit-codes.js';
import { FORMATS, type Format } from './core/output-formats.js';
import { terminalText } from './core/terminal-text.js';
import { isFolder } from './io/stat-path.js';
import { sourceStack } from './source-stack.js';

declare const __PEER_READY_VERSION__: string | undefined;
export const VERSION = typeof __PEER_READY_VERSION__ === 'string' ? __PEER_READY_VERSION__ : '0.0.0-dev';

export { EXIT };

const HELP = `peer-ready ${VERSION}: get ready to hire peer support specialists.

Usage
  peer-ready                        start (or resume) the interactive wizard
  peer-ready --list                 list saved assessments
  peer-ready --new                  start a new assessment without offering to resume
  peer-ready --answers FILE         write the plan for an answers file (no questions asked)
  peer-ready --answers DIR --out-dir PLANS
                                    write a plan for every answers file in DIR
  peer-ready merge A B [C…]         combine several respondents' answers into one plan
  peer-ready compare BEFORE AFTER   progress report between two assessments
  peer-ready answers-template       print a complete answers file to fill in (YAML; --json for JSON)
  peer-ready schema                 print the JSON Schema of answers files
  peer-ready schema --plan          print the JSON Schema of the plan (--format json)

Options
  --answers FILE|DIR  answers file (JSON or YAML); may be given more than once to merge
  --out FILE|-        where to write (default: peer-ready-plan-<organisation>.<format>; - for stdout)
  --out-dir DIR       folder for plans when --answers is a folder
  --format md|html|json|csv|ics
                      plan format (default md): csv has a row per task and milestone,
                      ics puts milestones and monthly task reminders in a calendar
  --date YYYY-MM-DD   the plan's date, 2000-01-01 to 2099-12-31 (default: the file's assessedOn, else
                      today); same answers + date = same plan
  --templates DIR     your own Mustache templates; any not in DIR come from the built-in set
  --force             replace an existing output file
  --screen-reader     wizard: plain lines that read well with a screen reader (or INK_SCREEN_READER=true)
  --json              answers-template: print JSON instead of YAML
  --plan              schema: the plan's JSON Schema instead of the answers file's
  --program TYPE      answers-template: include the role questions for TYPE, a role pack's program
                      type such as wi-cps (default general; a wrong TYPE lists them all)
  -h, --help          this help
  -v, --version       the version

Exit codes
  0 done   1 internal error (a bug: please report it)   2 bad input or usage; nothing was written
  ${EXIT.interrupted} interrupted (the wizard saves your progress first)
`;

const OPTIONS = {
  answers: { type: 'string', multiple: true },
  out: { type: 'string' },
  'out-dir': { type: 'string' },
  format: { type: 'string' },
  date: { type: 'string' },
  templates: { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  program: { type: 'string' },
  plan: { type: 'boolean' },
  list: { type: 'boolean' },
  new: { type: 'boolean' },
  'screen-reader': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const COMMANDS = ['merge', 'compare', 'schema', 'answers-template'] as const;

/** What each option that takes a value expects, for messages. */
const VALUE_OF: Record<string, string> = {
  answers: 'an answers file or folder',
  out: 'a file name (or - for standard output)',
  'out-dir': 'a folder',
  format: `one of ${FORMATS.join(', ')}`,
  date: 'a date written YYYY-MM-DD',
  templates: 'a folder of templates',
  program: 'a program type',
};

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's own messages ("Option '--answers <value>' argument missing") are rewritten in ours.
    const msg = (e as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(msg);
    if (unknown) {
      const near = nearest(unknown[1]!.replace(/^-+/, ''), Object.keys(OPTIONS));
      throw new UsageError(`unknown option ${unknown[1]}${near ? ` (did you mean --${near}?)` : ''}`);
    }
    const option = /^Option '(?:-\w, )?--([\w-]+)/.exec(msg)?.[1];
    if (option && /argument missing|argument is ambiguous/.test(msg)) {
      throw new UsageError(`--${option} needs a value: ${VALUE_OF[option] ?? 'a value'}${/ambiguous/.test(msg) ? ' (what follows it is another option)' : ''}`);
    }
    if (option && /does not take an argument/.test(msg)) throw new UsageError(`--${option} takes no value`);
    throw new UsageError(msg.replace(/\. To specify.*$/s, '').replace(/\s+/g, ' '));
  }
  for (const [name, value] of Object.entries(parsed.values)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && v.trim() === '')) throw new UsageError(`--${name} is empty; give ${VALUE_OF[name] ?? 'a value'}`);
  }
  return parsed;
}

function format(v: string | undefined): Format {
  if (v === undefined) return 'md';
  if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${v}")`);
  return v as Format;
}

export async function main(argv: string[]): Promise<number> {
  // Only for the test that checks an internal error's stack names src/ lines (test/pack.test.ts).
  if (process.env.PEER_READY_TEST_INTERNAL_ERROR) throw new Error('internal error forced by PEER_READY_TEST_INTERNAL_ERROR');
  const { values: o, positionals } = parse(argv);
  if (o.help || o.version) {
    (await import('./io/output.js')).writeStdout(o.help ? HELP : `${VERSION}\n`);
    return EXIT.ok;
  }
  const [command, ...rest] = positionals;
  if (command !== undefined && !(COMMANDS as readonly string[]).includes(command)) {
    const near = nearest(command, COMMANDS);
    throw new UsageError(`unknown command "${command}"${near ? ` (did you mean "${near}"?)` : ''}; see peer-ready --help`);
  }
  const fmt = format(o.format);

  if (command === 'schema') {
    const { writeAtomic } = await import('./io/output.js');
    if (o.plan) {
      const { planJsonSchema } = await import('./core/plan-json-schema.js');
      writeAtomic(o.out ?? '-', JSON.stringify(planJsonSchema(), null, 2) + '\n', !!o.force);
      return EXIT.ok;
    }
    const { loadCatalog } = await import('./io/load.js');
    const { answersJsonSchema } = await import('./commands/schema.js');
    writeAtomic(o.out ?? '-', JSON.stringify(answersJsonSchema(await loadCatalog()), null, 2) + '\n', !!o.force);
    return EXIT.ok;
  }
  if (command === 'answers-template') {
    const { loadCatalog } = await import('./io/load.js');
    const t = await import('./commands/template.js');
    const { today } = await import('./core/dates.js');
    const { writeAtomic } = await import('./io/output.js');
    const { DEFAULT_PROGRAM } = await import('./core/answers.js');
    const { questionnairesFor } = await import('./core/plan-document.js');
    const catalog = await loadCatalog();
    // The program types are the role packs (data): no list of them is kept in code.
    const program = o.program ?? DEFAULT_PROGRAM;
    const pack = Object.hasOwn(catalog.roles, program) ? catalog.roles[program] : undefined;
    if (!pack) throw new UsageError(`--program must be one of ${Object.keys(catalog.roles).join(', ')} (got "${program}")`);
    const qs = questionnairesFor(catalog, program);
    const date = (await import('./core/options.js')).checkDate(o.date ?? today());
    writeAtomic(o.out ?? '-', o.json ? t.answersTemplateJson(qs, date, program) : t.answersTemplateYaml(qs, date, program, pack.label), !!o.force);
    return EXIT.ok;
  }
  const common = { out: o.out, date: o.date, force: !!o.force, format: fmt, templates: o.templates };
  if (command === 'merge' || command === 'compare') {
    const files = [...rest, ...(o.answers ?? [])];
    const c = await import('./commands/consultant.js');
    const written = command === 'merge' ? await c.runMerge(files, common) : await c.runCompare(files, common);
    return wrote(written);
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"; see peer-ready --help`);

  if (o.answers && o.answers.length > 0) {
    if (o.answers.length > 1) {
      const { runMerge } = await import('./commands/consultant.js');
      const written = await runMerge(o.answers, common);
      return wrote(written);
    }
    if (isFolder(o.answers[0]!) && o['out-dir'] !== undefined) {
      if (o.out !== undefined) throw new UsageError('--out names one file; with a folder of answers use --out-dir');
      const { runBatch, batchSummary } = await import('./commands/consultant.js');
      const rows = await runBatch(o.answers[0]!, o['out-dir'], common);
      for (const r of rows) if (r.error) process.stderr.write(`peer-ready: ${terminalText(r.error, { multiline: true })}\n`);
      (await import('./io/output.js')).writeStdout(batchSummary(rows));
      return rows.some((r) => r.error) ? EXIT.input : EXIT.ok;
    }
    if (o['out-dir'] !== undefined) throw new UsageError('--out-dir goes with a folder of answers files: --answers DIR --out-dir PLANS');
    const { runPlan } = await import('./commands/plan.js');
    const written = await runPlan({ answers: o.answers[0]!, ...common });
    return wrote(written);
  }
  if (o['out-dir'] !== undefined) throw new UsageError('--out-dir goes with --answers DIR');

  if (o.list) {
    const { listCommand } = await import('./wizard-entry.js');
    const text = await listCommand();
    (await import('./io/output.js')).writeStdout(text);
    return EXIT.ok;
  }

  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      'peer-ready: the interactive wizard needs a terminal, and this input is not one.\n' +
        'For scripts and automation, give an answers file instead:\n' +
        '  peer-ready answers-template > answers.yaml   # fill it in, then\n' +
        '  peer-ready --answers answers.yaml --out plan.md\n',
    );
    return EXIT.input;
  }
  const { runWizard } = await import('./wizard-entry.js');
  return runWizard({ fresh: !!o.new, out: o.out, date: o.date, format: fmt, templates: o.templates, force: !!o.force, screenReader: !!o['screen-reader'] });
}

/** Say where a result went (on stderr, so that stdout stays the document when --out is -). */
function wrote(path: string): number {
  if (path !== '-') process.stderr.write(`peer-ready: wrote ${terminalText(path)}\n`);
  return EXIT.ok;
}

export function reportError(e: unknown): number {
  if (e instanceof InputError || e instanceof UsageError) {
    // A closed pipe on standard output ends quietly (as Unix tools do), but never with status 0.
    if ((e as { quiet?: boolean }).quiet) return EXIT.input;
    // Messages quote values and file names from the user's files: shown escaped, never raw.
    process.stderr.write(`peer-ready: ${terminalText(e.message, { multiline: true })}\n`);
    if (e instanceof UsageError) process.stderr.write('Run peer-ready --help for usage.\n');
    return EXIT.input;
  }
  const stack = (e as Error)?.stack;
  const written = (e as { written?: unknown })?.written;
  const kept = Array.isArray(written) && written.length > 0 ? `${written.length} plan${written.length === 1 ? ' was' : 's were'} written before it: ${terminalText(written.join(', '))}.` : 'nothing was written.';
  process.stderr.write(`peer-ready: internal error: ${terminalText(stack ? sourceStack(stack) : String(e), { multiline: true })}\nPlease report this; ${kept}\n`);
  return EXIT.internal;
}

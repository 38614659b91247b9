// Role packs (questionnaires/roles/*.yaml): a golden plan for each from its example answers
// (examples/roles/), the role's heading and interview questions in the plan, and every figure
// in a pack checked against the source lines it cites.
import { itemActions } from './helpers/item-actions.js';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, type Token, type Tokens } from 'marked';
import { parse } from 'yaml';
import type { ProgramType } from '../src/core/answers.js';
import { formatPlan } from '../src/core/plan-document.js';
import { escapeMarkdown } from '../src/core/markdown-escape.js';
import type { Citation } from '../src/core/questionnaire.js';
import type { RolePack } from '../src/core/role-pack.js';
import { readAnswersFile } from '../src/io/answers-file.js';
import { loadCatalog } from '../src/io/load.js';
import { forProgram } from './helpers.js';
import { figures, lineRange, SEED_PREFIX, SOURCE_WORDS, TOLERANCE, type DocFacts, type SourceFacts } from '../scripts/source-facts.mjs';

const catalog = await loadCatalog();
// The program types are the role packs themselves.
const PROGRAMS: ProgramType[] = Object.keys(catalog.roles);
const BIN = join(process.cwd(), 'dist', 'cli.js');
const DATE = '2026-11-23';
/** The Node that runs the binary: PEER_READY_NODE (CI runs this file under each supported version), else this one. */
const NODE = process.env.PEER_READY_NODE || process.execPath;

const example = (p: ProgramType) => `examples/roles/${p}.yaml`;
const golden = (p: ProgramType) => `examples/roles/${p}.plan.md`;

describe('every program type has a role pack and an example', () => {
  it('one pack per program type, one answers file and one golden plan per pack', () => {
    expect(Object.keys(catalog.roles).sort()).toEqual([...PROGRAMS].sort());
    expect(readdirSync('questionnaires/roles').sort()).toEqual(PROGRAMS.map((p) => `${p}.yaml`).sort());
    expect(readdirSync('examples/roles').sort()).toEqual(PROGRAMS.flatMap((p) => [`${p}.plan.md`, `${p}.yaml`]).sort());
  });
});

describe.each(PROGRAMS)('role pack %s', (p) => {
  const pack = catalog.roles[p]!;

  it('the example answers are for this program, and varied', async () => {
    const a = await readAnswersFile(example(p), forProgram(catalog));
    expect(a.profile.programType).toBe(p);
    const values = Object.values(a.answers).map((x) => x.value);
    for (const v of ['yes', 'partly', 'no', 'true', 'false']) expect(values, v).toContain(v);
    expect(Object.values(a.answers).some((x) => x.note)).toBe(true);
    expect(Object.values(a.answers).some((x) => x.owner)).toBe(true);
    // Every role question is answered, and not all the same way.
    const roleIds = pack.questions.flatMap((s) => s.items.map((i) => i.id));
    expect(new Set(roleIds.map((id) => a.answers[id]!.value)).size).toBeGreaterThan(1);
  });

  it(`${golden(p)} is the plan for ${example(p)} (UPDATE_GOLDEN=1 rewrites it)`, async () => {
    const a = await readAnswersFile(example(p), forProgram(catalog));
    const text = await formatPlan(catalog, a, DATE, 'md');
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden(p), text);
    expect(text).toBe(readFileSync(golden(p), 'utf8'));
  });

  it('the binary writes the same plan', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.CI;
    const r = spawnSync(NODE, [BIN, '--answers', example(p), '--date', DATE, '--out', '-'], { encoding: 'utf8', env, input: '' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(golden(p), 'utf8'));
  });

  it('the golden plan has the role heading, its requirements, and its interview questions in the toolkit', () => {
    const tokens = Lexer.lex(readFileSync(golden(p), 'utf8'));
    const h2 = tokens.filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 2).map((t) => t.text);
    expect(h2).toContain(`Requirements for this role: ${escapeMarkdown(pack.title)}`);
    expect(h2.filter((h) => h.startsWith('Requirements for this role'))).toHaveLength(1);

    // The requirements section: each topic a heading, then its points, in order.
    const req = section(tokens, 2, 'Requirements for this role');
    expect(req.filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 3).map((t) => t.text)).toEqual(
      pack.requirements.map((r) => escapeMarkdown(r.topic)),
    );
    const lists = req.filter((t): t is Tokens.List => t.type === 'list');
    expect(lists).toHaveLength(pack.requirements.length);
    lists.forEach((list, i) => {
      expect(list.items.map((it) => it.text.replace(/ \*\(.*\)\*$/, ''))).toEqual(pack.requirements[i]!.points.map((pt) => escapeMarkdown(pt.text)));
    });

    // The toolkit: "Interview questions: <title>", each area with its questions, in order.
    const h3 = tokens.filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 3).map((t) => t.text);
    expect(h3).toContain(`Interview questions: ${escapeMarkdown(pack.title)}`);
    expect(h3.indexOf('Job description outline')).toBeLessThan(h3.indexOf(`Interview questions: ${escapeMarkdown(pack.title)}`));
    const interview = section(tokens, 3, 'Interview questions:');
    const areas = interview.filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 4).map((t) => t.text);
    expect(areas).toEqual(pack.interview.map((a) => escapeMarkdown(a.area)));
    const questions = interview.filter((t): t is Tokens.List => t.type === 'list').map((l) => l.items.map((it) => it.text));
    expect(questions).toEqual(pack.interview.map((a) => a.questions.map((q) => escapeMarkdown(q))));
    expect(questions.flat().length).toBeGreaterThanOrEqual(3);
  });
});

/** The tokens after the heading of `depth` starting with `title`, up to the next heading of that depth or higher. */
function section(tokens: Token[], depth: number, title: string): Token[] {
  const start = tokens.findIndex((t) => t.type === 'heading' && (t as Tokens.Heading).depth === depth && (t as Tokens.Heading).text.startsWith(title));
  expect(start, title).toBeGreaterThanOrEqual(0);
  const rest = tokens.slice(start + 1);
  const end = rest.findIndex((t) => t.type === 'heading' && (t as Tokens.Heading).depth <= depth);
  return end < 0 ? rest : rest.slice(0, end);
}

// ---------------------------------------------------------------------------------------------
// Every figure in a role pack is cited, and is in the lines it cites.

// The documents are not in the repository: test/source-facts.json holds, for every line the data
// cites (TOLERANCE lines either side), the figures written on it (npm run facts regenerates it;
// test/source-facts.test.ts checks it against the data, and against the documents when present).
const FACTS = JSON.parse(readFileSync('test/source-facts.json', 'utf8')) as SourceFacts;

/** The figures in the cited lines, with the tolerance either side; a line missing from the index is an error. */
function citedFigures(c: Citation): Set<number> {
  const [a, b] = lineRange(c.lines!);
  const doc = FACTS.docs[c.doc];
  const out = new Set<number>();
  for (let n = Math.max(1, a - TOLERANCE); n <= Math.min(b + TOLERANCE, doc.lineCount); n++) {
    const line = doc.cited[n];
    if (!line) throw new Error(`${c.doc} line ${n} is not in test/source-facts.json: run npm run facts`);
    for (const f of line.f ?? []) out.add(f);
  }
  return out;
}

interface Cited {
  file: string;
  where: string;
  text: string;
  cite: Citation;
}

function citedTexts(file: string, pack: RolePack): Cited[] {
  const out: Cited[] = [{ file, where: 'intro', text: pack.intro, cite: pack.cite }];
  pack.requirements.forEach((r, i) => r.points.forEach((pt, j) => out.push({ file, where: `requirements[${i}].points[${j}]`, text: pt.text, cite: pt.cite })));
  pack.interview.forEach((a, i) => out.push({ file, where: `interview[${i}]`, text: [a.area, ...a.questions].join('\n'), cite: a.cite }));
  pack.questions.forEach((s, si) =>
    s.items.forEach((item, ii) => {
      out.push({ file, where: `questions[${si}].items[${ii}]`, text: [item.text, item.help ?? ''].join('\n'), cite: item.cite });
      if (item.type !== 'text') itemActions(item).forEach((act, ai) => out.push({ file, where: `questions[${si}].items[${ii}].actions[${ai}]`, text: act.text, cite: act.cite }));
    }),
  );
  return out;
}

const packs = PROGRAMS.map((p) => ({ file: `questionnaires/roles/${p}.yaml`, pack: catalog.roles[p]! }));
const all = packs.flatMap(({ file, pack }) => citedTexts(file, pack));

/**
 * Figures that are not written in the lines they cite. Each is reported for the content owners;
 * the test fails if one of these is fixed (so the list stays true) or if a new one appears.
 */
const KNOWN: Record<string, string> = {
  'questionnaires/roles/ca-cmpss.yaml questions[0].items[1].actions[1] 6':
    'derived: "the six state qualifications" counts the list a)–f) at lines 150-157; the source never says "six"',
  'questionnaires/roles/wi-cpps.yaml requirements[1].points[1] 4':
    'derived: "four categories" counts the categories at lines 550-556; line 548 only says "each of the following categories"',
  'questionnaires/roles/wi-cpps.yaml requirements[1].points[1] 12':
    'derived: "12 of the 20 hours" is 3 hours x 4 categories; the source does not state 12',
  'questionnaires/roles/wi-cpps.yaml requirements[1].points[2] 4':
    'derived: "The four categories" counts the categories at lines 550-556',
  'questionnaires/roles/wi-cpps.yaml questions[0].items[2] 4':
    'derived: "each of the four categories" (as above)',
};

describe('every figure in the role packs is cited and found in its source', () => {
  it('the index of source facts covers the five source documents', () => {
    expect(Object.keys(FACTS.docs).sort()).toEqual(Object.keys(SEED_PREFIX).sort());
    for (const d of Object.values(FACTS.docs)) expect(d.lineCount).toBeGreaterThan(200);
  });

  it('every requirement point and interview area cites a document and a section; lines exist and run forwards', () => {
    const n = { points: 0, areas: 0 };
    for (const c of all) {
      if (c.where.startsWith('requirements')) n.points++;
      if (c.where.startsWith('interview')) n.areas++;
      expect(c.cite.section.trim().length, `${c.file} ${c.where}`).toBeGreaterThan(0);
      if (c.cite.lines === undefined) continue;
      const [a, b = a] = String(c.cite.lines).split('-').map(Number) as [number, number?];
      expect(a, `${c.file} ${c.where}`).toBeLessThanOrEqual(b);
      expect(b, `${c.file} ${c.where}: ${c.cite.doc} has ${FACTS.docs[c.cite.doc].lineCount} lines`).toBeLessThanOrEqual(FACTS.docs[c.cite.doc].lineCount);
    }
    expect(n.points).toBeGreaterThan(50);
    expect(n.areas).toBeGreaterThanOrEqual(PROGRAMS.length);
  });

  it('any text with a digit in it cites lines, not just a section', () => {
    const unlined = all.filter((c) => /\d/.test(c.text) && c.cite.lines === undefined).map((c) => `${c.file} ${c.where}`);
    expect(unlined).toEqual([]);
  });

  it(`every figure appears, as a numeral or in words, within ${TOLERANCE} lines of the range it cites`, () => {
    const misses: string[] = [];
    let checked = 0;
    for (const c of all) {
      const nums = figures(c.text);
      if (nums.length === 0 || c.cite.lines === undefined) continue;
      const source = citedFigures(c.cite);
      for (const n of nums) {
        checked++;
        if (!source.has(n)) misses.push(`${c.file} ${c.where} ${n}`);
      }
    }
    expect(checked).toBeGreaterThan(40);
    const unexpected = misses.filter((m) => !(m in KNOWN)).map((m) => {
      const [file, where] = m.split(' ');
      const c = all.find((x) => x.file === file && x.where === where)!;
      return `${m} (cites ${c.cite.doc} lines ${c.cite.lines}: "${c.text.slice(0, 80)}…")`;
    });
    expect(unexpected, 'figures not found in the cited lines').toEqual([]);
    expect(Object.keys(KNOWN).filter((k) => !misses.includes(k)), 'known mismatches that are now fixed: remove them from KNOWN').toEqual([]);
  });

  it('the figure check itself: finds numerals and words, and tells a wrong figure from a right one', () => {
    expect(figures('20 hours, at least 1.5 in each of six categories; the $50.00 fee; 85% on the exam; 1,000 staff; .1 CEU')).toEqual(
      expect.arrayContaining([20, 1.5, 6, 50, 85, 1000, 0.1]),
    );
    expect(figures('Twenty-four hours and forty eight more')).toEqual([24, 48]);
    expect(figures('no one, one program')).toEqual([]);
    expect(figures('one program', SOURCE_WORDS)).toEqual([1]);
    // A cited line with a figure the next lines do not have: the figure is found from that line
    // and from TOLERANCE lines after it, and not from one line further.
    const [doc, n, fig] = (Object.entries(FACTS.docs) as [Citation['doc'], DocFacts][])
      .flatMap(([d, x]) => Object.entries(x.cited).flatMap(([line, v]) => (v.f ?? []).map((f) => [d, Number(line), f] as const)))
      .find(([d, line, f]) => {
        const at = (k: number) => FACTS.docs[d].cited[line + k];
        const around = Array.from({ length: 3 * TOLERANCE + 2 }, (_, k) => k - TOLERANCE);
        return around.every((k) => at(k)) && around.filter((k) => k > 0).every((k) => !at(k)!.f?.includes(f));
      })!;
    expect(citedFigures({ doc, section: 'x', lines: n })).toContain(fig);
    expect(citedFigures({ doc, section: 'x', lines: n + TOLERANCE })).toContain(fig);
    expect(citedFigures({ doc, section: 'x', lines: n + TOLERANCE + 1 })).not.toContain(fig);
    // A line the data does not cite is not in the index, and asking for it says what to do.
    const gap = Array.from({ length: FACTS.docs[doc].lineCount }, (_, i) => i + 1).find((i) => !FACTS.docs[doc].cited[i])!;
    expect(() => citedFigures({ doc, section: 'x', lines: gap })).toThrow(`${doc} line ${gap} is not in test/source-facts.json: run npm run facts`);
  });
});

// The role pack files are read by the catalog; check the YAML on disk is what it loaded.
it('the catalog loaded the role packs from these files', () => {
  for (const { file, pack } of packs) expect(parse(readFileSync(file, 'utf8')).title).toBe(pack.title);
});

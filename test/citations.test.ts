// Every citation points where it says (issue 22): its section contains its line, and the page it
// shows is that section's page in the document's own table of contents (or, for a section the
// contents leave out, the page of the section that encloses it; never an earlier sibling's).
// Checked against test/toc-facts.json, a transcription of each table of contents committed with
// the tests, so this runs on a clone with nothing beside it; the transcription itself is checked
// against the documents when they are present.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lineHash, readSeeds } from '../scripts/source-facts.mjs';
import { buildToc, serializeToc, titleKey } from '../scripts/toc-facts.mjs';
import { citationLabel, citationProblem, pageLabel, SOURCES, type DocKey, type Heading } from '../src/core/sources.js';

interface Entry {
  title: string;
  pages?: string;
}
interface Toc {
  docs: Record<DocKey, { contents: Entry[]; headingLines: Record<string, string> }>;
}
const TOC_TEXT = readFileSync('test/toc-facts.json', 'utf8');
const TOC = JSON.parse(TOC_TEXT) as Toc;
const DOCS = Object.keys(SOURCES) as DocKey[];
const headingsOf = (doc: DocKey): readonly Heading[] => SOURCES[doc].headings;

/** Contents entries the headings data does not carry (no citation needs them as a section). */
const NOT_A_HEADING: Record<DocKey, string[]> = {
  handbook: [],
  cmpss: ['Acknowledgements'],
  'wi-cps': ['ESSENTIAL FUNCTIONS:', 'Communicating with Supervisors and Interacting with Staff Certified Peer Specialists will:', 'Demonstrating Confidentiality Certified Peer Specialists will:'],
  'wi-cpps': [],
  'cw-m4': [],
};

/** Headings the body prints differently from the contents (or, for the handbook's introduction, not at all): what the line says. */
const BODY_WORDING: Record<string, string> = {
  Introduction: 'Welcome to the provider portion',
  'Stage 3 of Implementation: Developing a Timeline': 'Step 3 of Implementation',
  'Is That Really a Part of a Peer Role?': "Is that really part of a 'peer' role",
  'Additional Misconceptions & Concerns About Implementation': 'Additional Misperceptions & Concerns',
  'Conclusion & Other Resources': 'Conclusion',
};

/** Each heading's table-of-contents entry, matched by title in reading order (undefined: not in the contents). */
function tocEntries(doc: DocKey): Map<Heading, Entry | undefined> {
  const queue = new Map<string, Entry[]>();
  for (const e of TOC.docs[doc].contents) queue.set(titleKey(e.title), [...(queue.get(titleKey(e.title)) ?? []), e]);
  const out = new Map<Heading, Entry | undefined>();
  for (const h of headingsOf(doc)) {
    // "8. Workplace Readiness Checklist, 1. Using …": the contents list the part after the chapter.
    const keys = [titleKey(h.title), ...(h.title.includes(', ') ? [titleKey(h.title.slice(h.title.indexOf(', ') + 2))] : [])];
    let found: Entry | undefined;
    for (const k of keys) {
      // A heading shortened with "…" matches the printed title it starts.
      const key = h.title.endsWith('…') ? [...queue.keys()].find((q) => q.startsWith(k) && queue.get(q)!.length) : k;
      const list = key === undefined ? undefined : queue.get(key);
      if (list?.length) {
        found = list.shift();
        break;
      }
    }
    out.set(h, found);
  }
  return out;
}

/** The heading's enclosing headings, nearest first (by level, in reading order). */
function ancestors(doc: DocKey, h: Heading): Heading[] {
  const hs = headingsOf(doc);
  const out: Heading[] = [];
  let cur = h;
  for (let i = hs.indexOf(h) - 1; i >= 0; i--) {
    if (hs[i]!.level < cur.level) {
      out.push(hs[i]!);
      cur = hs[i]!;
    }
  }
  return out;
}

/** Every citation in the data files: questionnaires (role packs included) and templates. */
function dataCites(): { file: string; doc: DocKey; section: string; lines?: number | string }[] {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
  const out: ReturnType<typeof dataCites> = [];
  const walk = (file: string, node: unknown): void => {
    if (Array.isArray(node)) node.forEach((x) => walk(file, x));
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.doc === 'string' && typeof o.section === 'string') out.push({ file, doc: o.doc as DocKey, section: o.section, lines: o.lines as number | string | undefined });
      for (const v of Object.values(o)) walk(file, v);
    }
  };
  for (const f of [...files('questionnaires'), ...files('templates')]) walk(f, parse(readFileSync(f, 'utf8')));
  return out;
}

describe('the tables of contents the citations are checked against', () => {
  it('give every heading the pages its contents entry prints, and no pages to a heading the contents leave out', () => {
    for (const doc of DOCS) {
      const entries = tocEntries(doc);
      for (const [h, e] of entries) expect({ doc, heading: h.title, pages: h.pages }).toEqual({ doc, heading: h.title, pages: e?.pages });
      const used = new Set([...entries.values()]);
      const left = TOC.docs[doc].contents.filter((e) => !used.has(e) && !/^appendix [def]\b/i.test(e.title)).map((e) => e.title);
      expect(left, `${doc}: contents entries with no heading in src/core/sources.ts`).toEqual(NOT_A_HEADING[doc]);
    }
  });

  it('were taken with the headings where they are now (heading lines unchanged since test/toc-facts.json was made)', () => {
    for (const doc of DOCS) {
      const lines = Object.keys(TOC.docs[doc].headingLines).map(Number).sort((a, b) => a - b);
      expect(lines, doc).toEqual(headingsOf(doc).map((h) => h.line));
    }
  });

  const seeds = readSeeds();
  it.skipIf(!seeds)('match the documents, and each heading stands on its line (skipped without ../shared/seeds)', () => {
    const headings = Object.fromEntries(DOCS.map((d) => [d, headingsOf(d)]));
    expect(serializeToc(buildToc(seeds!, headings)), 'run: node scripts/toc-facts.mjs').toBe(TOC_TEXT);
    for (const doc of DOCS) {
      const lines = seeds![doc].lines;
      for (const h of headingsOf(doc)) {
        const text = titleKey(lines.slice(h.line - 1, h.line + 2).join(' '));
        const tail = h.title.includes(', ') ? h.title.slice(h.title.indexOf(', ') + 2) : h.title;
        const want = titleKey((doc === 'handbook' && BODY_WORDING[h.title]) || h.title.replace(/^Side ?bar: /i, '')).slice(0, 25);
        expect(text.includes(want) || text.includes(titleKey(tail).slice(0, 25)), `${doc} line ${h.line}: "${h.title}"`).toBe(true);
        expect(lineHash(lines[h.line - 1]!)).toBe(TOC.docs[doc].headingLines[h.line]);
      }
    }
  });
});

describe('every citation in the data', () => {
  const cites = dataCites();

  it('names a heading whose lines contain the cited lines', () => {
    expect(cites.length).toBeGreaterThan(300);
    for (const c of cites) expect(citationProblem(c.doc, c.section, c.lines), `${c.file}: ${c.section} ${c.lines}`).toBeUndefined();
  });

  it('shows the page of its own section, or of the nearest section enclosing it that the contents list', () => {
    const seen = new Set<string>();
    for (const c of cites) {
      const k = `${c.doc}\u0000${c.section}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const entries = tocEntries(c.doc);
      const h = headingsOf(c.doc).find((x) => x.title === c.section)!;
      const chain = [h, ...ancestors(c.doc, h)];
      const owner = chain.find((x) => entries.get(x)?.pages);
      const label = citationLabel(c.doc, c.section);
      const short = SOURCES[c.doc].short;
      if (owner) {
        const page = pageLabel(entries.get(owner)!.pages!);
        expect(label, c.file).toBe(owner === h ? `${short}, ${h.title}, ${page}` : `${short}, ${owner.title}, ${page}, section “${h.title}”`);
      } else {
        // No page of its own: the label may say where it falls, but never gives it another section's page as its own.
        expect(label, c.file).toMatch(new RegExp(`^${short}, section “`));
        const m = /it follows (.*), (pp?\. [\d–]+)\)$/.exec(label);
        if (m) {
          const top = chain[chain.length - 1]!;
          const before = headingsOf(c.doc).filter((x) => x.level === 1 && x.line < top.line && entries.get(x)?.pages).at(-1)!;
          expect([m[1], m[2]], label).toEqual([before.title, pageLabel(entries.get(before)!.pages!)]);
        }
      }
    }
  });

  it('the CPPS supervision language is placed in its own chapter, not given the wage section\'s page', () => {
    const label = citationLabel('wi-cpps', 'Certified Peer Specialist Supervision Approved Language February 2016');
    expect(label).not.toMatch(/Living Wages and Benefits, p\. 28, section/);
    expect(label).toBe(
      'Wisconsin CPPS Guide, section “Certified Peer Specialist Supervision Approved Language February 2016”, in “Supervising and Supporting the Wisconsin Certified Parent Peer Specialist” (not in the contents; it follows Living Wages and Benefits, p. 28)',
    );
    // A chapter that has pages still gives them to a heading inside it.
    expect(citationLabel('wi-cps', 'Certified Peer Specialist Supervision DHS-Approved Language February 2016')).toBe(
      'Wisconsin CPS Guide, Supervising and Supporting the Wisconsin Certified Peer Specialist, p. 32, section “Certified Peer Specialist Supervision DHS-Approved Language February 2016”',
    );
  });
});

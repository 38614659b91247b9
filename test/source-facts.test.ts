// The index of source facts (test/source-facts.json): the five documents are not in the
// repository, so the tests check the data against this index (line counts, and the figures on
// every cited line). Here: the index covers exactly the lines the data cites today, and, when
// the documents are present, it is what they give (`npm run facts` regenerates it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildIndex,
  dataCitations,
  DEFAULT_SEEDS,
  figures,
  lineHash,
  lineRange,
  readSeeds,
  serialize,
  SOURCE_WORDS,
  TOLERANCE,
  type Doc,
  type SeedDoc,
  type SourceFacts,
} from '../scripts/source-facts.mjs';

const TEXT = readFileSync('test/source-facts.json', 'utf8');
const FACTS = JSON.parse(TEXT) as SourceFacts;
const cites = dataCitations();

describe('the index of source facts', () => {
  it('covers every line the data cites, with the tolerance either side, and nothing else (npm run facts regenerates it)', () => {
    expect(cites.length).toBeGreaterThan(100);
    expect(FACTS.tolerance).toBe(TOLERANCE);
    const wanted = new Map(Object.keys(FACTS.docs).map((d) => [d, new Set<string>()]));
    for (const c of cites) {
      const doc = FACTS.docs[c.doc as Doc];
      expect(doc, `${c.file} ${c.where}: unknown document ${c.doc}`).toBeDefined();
      const [a, b] = lineRange(c.lines);
      expect(a, `${c.file} ${c.where}: lines ${c.lines}`).toBeGreaterThanOrEqual(1);
      expect(a, `${c.file} ${c.where}: lines ${c.lines} run backwards`).toBeLessThanOrEqual(b);
      expect(b, `${c.file} ${c.where}: ${c.doc} has ${doc.lineCount} lines`).toBeLessThanOrEqual(doc.lineCount);
      for (let n = Math.max(1, a - TOLERANCE); n <= Math.min(b + TOLERANCE, doc.lineCount); n++) wanted.get(c.doc)!.add(String(n));
    }
    for (const [doc, d] of Object.entries(FACTS.docs)) {
      const missing = [...wanted.get(doc)!].filter((n) => !(n in d.cited));
      const extra = Object.keys(d.cited).filter((n) => !wanted.get(doc)!.has(n));
      expect({ doc, missing, extra }, 'test/source-facts.json is out of date with the data: run npm run facts').toEqual({ doc, missing: [], extra: [] });
    }
  });

  it('holds no source text: a hash per line and the figures on it, nothing else', () => {
    for (const d of Object.values(FACTS.docs)) {
      expect(Object.keys(d).sort()).toEqual(['cited', 'file', 'lineCount', 'sha256']);
      for (const v of Object.values(d.cited)) {
        expect(v.h).toMatch(/^[0-9a-f]{12}$/);
        expect(Object.keys(v).every((k) => k === 'h' || k === 'f')).toBe(true);
        if (v.f) expect(v.f.every((x) => typeof x === 'number')).toBe(true);
      }
    }
  });

  it('is built from the documents as the script says (a made-up document)', () => {
    const doc = (text: string): SeedDoc => ({ file: 'x.txt', text, lines: text.split('\n') });
    const lines = ['Intro', 'Train for 48 hours,', 'then   twenty-four more.', 'Nothing here.', 'end', '', 'x', 'y', 'z'];
    const docs = Object.fromEntries(['handbook', 'cmpss', 'wi-cps', 'wi-cpps', 'cw-m4'].map((d) => [d, doc(d === 'handbook' ? lines.join('\n') : 'a\nb')])) as Record<Doc, SeedDoc>;
    const index = buildIndex(docs, [{ file: 'q.yaml', where: 'items[0].cite', doc: 'handbook', lines: 2 }]);
    expect(Object.keys(index.docs.handbook.cited)).toEqual(['1', '2', '3', '4', '5']);
    expect(index.docs.handbook.cited[2]).toEqual({ h: lineHash('train for 48 hours,'), f: [48] });
    expect(index.docs.handbook.cited[3]!.f).toEqual([24]);
    expect(index.docs.handbook.cited[4]).toEqual({ h: lineHash('Nothing here.') });
    expect(lineHash('then twenty-four  more. ')).toBe(index.docs.handbook.cited[3]!.h);
    expect(index.docs.handbook.lineCount).toBe(9);
    expect(index.docs.cmpss.cited).toEqual({});
    expect(JSON.parse(serialize(index))).toEqual(index);
    expect(figures('one of them', SOURCE_WORDS)).toEqual([1]);
    expect(() => buildIndex(docs, [{ file: 'q.yaml', where: 'cite', doc: 'nope', lines: 1 }])).toThrow('q.yaml cite: unknown document "nope"');
  });

  // The documents sit beside a maintainer's checkout (../shared/seeds, or PEER_READY_SOURCES),
  // not in a clone: then this one check is skipped, and its name says why.
  const seeds = readSeeds();
  it.skipIf(!seeds)(
    seeds ? `matches the documents in ${DEFAULT_SEEDS} line for line` : `matches the documents (skipped: they are not at ${DEFAULT_SEEDS}; set PEER_READY_SOURCES)`,
    () => {
      for (const [doc, d] of Object.entries(FACTS.docs)) {
        const s = seeds![doc as Doc];
        expect(s.file, doc).toBe(d.file);
        expect(s.lines.length, doc).toBe(d.lineCount);
      }
      expect(serialize(buildIndex(seeds!, cites)), 'test/source-facts.json differs from the documents: run npm run facts').toBe(TEXT);
    },
  );
});

// The questionnaire data files themselves: they load, they have the counts the sources give,
// ids are unique, and every item is cited and (when scored) has actions.
import { itemActions } from './helpers/item-actions.js';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadCatalog } from '../src/io/load.js';
import { allItems, isScored } from '../src/core/questionnaire.js';
import type { SourceFacts } from '../scripts/source-facts.mjs';

const catalog = await loadCatalog();
const qs = catalog.questionnaires;
const byId = (id: string) => qs.find((q) => q.id === id)!;

describe('questionnaire files', () => {
  it('loads all four instruments in order', () => {
    expect(qs.map((q) => q.id)).toEqual(['stage1', 'stage2', 'timeline', 'cmpss']);
    expect(readdirSync('questionnaires').filter((f) => f.endsWith('.yaml'))).toHaveLength(4);
  });

  it('the timeline quiz has exactly ten true/false statements', () => {
    const items = byId('timeline').sections.flatMap((s) => s.items);
    expect(items).toHaveLength(10);
    expect(items.every((i) => i.type === 'true-false')).toBe(true);
    expect(byId('timeline').scoring).toBe('timeline');
  });

  it('the CMPSS checklist has 7 sections of 3, 3, 6, 8, 2, 2, 3 items (27)', () => {
    const sections = byId('cmpss').sections;
    expect(sections.map((s) => s.items.length)).toEqual([3, 3, 6, 8, 2, 2, 3]);
    expect(sections.flatMap((s) => s.items)).toHaveLength(27);
    expect(sections.every((s) => s.items.every((i) => i.cite.doc === 'cmpss'))).toBe(true);
  });

  it('stage 1 has the six motivation and challenge reflections, three of each', () => {
    const refl = byId('stage1').sections.flatMap((s) => s.items).filter((i) => i.type === 'text' && i.reflect);
    expect(refl.filter((i) => i.type === 'text' && i.reflect === 'motivation')).toHaveLength(3);
    expect(refl.filter((i) => i.type === 'text' && i.reflect === 'challenge')).toHaveLength(3);
  });

  it('stage 1 asks for the policy on hiring people who receive services, with allow / prohibit / case by case', () => {
    const choice = byId('stage1').sections.flatMap((s) => s.items).find((i) => i.type === 'choice');
    expect(choice).toBeDefined();
    const values = choice!.type === 'choice' ? choice!.choices.map((c) => c.value) : [];
    expect(values).toEqual(expect.arrayContaining(['allow', 'prohibit', 'case-by-case']));
  });

  it('every item id is unique across all files', () => {
    const ids = allItems(qs).map((x) => x.item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every item and every action carries a citation with a section', () => {
    for (const { item } of allItems(qs)) {
      expect(item.cite.section.length, item.id).toBeGreaterThan(0);
      if (isScored(item)) for (const a of itemActions(item)) expect(a.cite.section.length, item.id).toBeGreaterThan(0);
    }
  });

  it('every scored item has at least one action', () => {
    for (const { item } of allItems(qs)) if (isScored(item)) expect(itemActions(item).length, item.id).toBeGreaterThan(0);
  });

  it('cites line numbers that exist in the source documents', () => {
    // The documents are not in the repository; test/source-facts.json has their line counts.
    const facts = JSON.parse(readFileSync('test/source-facts.json', 'utf8')) as SourceFacts;
    const lengths: Record<string, number> = Object.fromEntries(Object.entries(facts.docs).map(([doc, d]) => [doc, d.lineCount]));
    expect(Object.keys(lengths).sort()).toEqual(['cmpss', 'cw-m4', 'handbook', 'wi-cpps', 'wi-cps']);
    for (const { item } of allItems(qs)) {
      const cites = [item.cite, ...(isScored(item) ? itemActions(item).map((a) => a.cite) : [])];
      for (const c of cites) {
        if (c.lines === undefined) continue;
        const last = Number(String(c.lines).split('-').pop());
        expect(last, `${item.id} cites ${c.doc} line ${c.lines}`).toBeLessThanOrEqual(lengths[c.doc]!);
      }
    }
  });

  it('a broken questionnaire is rejected with the file and the field named', async () => {
    const { checkQuestionnaires } = await import('../src/io/check.js');
    const data = parse(readFileSync('questionnaires/timeline.yaml', 'utf8'));
    delete data.sections[0].items[2].cite;
    expect(() => checkQuestionnaires([{ file: 'questionnaires/timeline.yaml', data }])).toThrow(
      /questionnaires\/timeline\.yaml: sections\[0\]\.items\[2\]\.cite: missing/,
    );
    const dup = parse(readFileSync('questionnaires/timeline.yaml', 'utf8'));
    dup.sections[0].items[1].id = dup.sections[0].items[0].id;
    expect(() => checkQuestionnaires([{ file: 'q.yaml', data: dup }])).toThrow(/q\.yaml: sections\[0\]\.items\[1\]\.id: item id "tl\.01" is also used/);
  });
});

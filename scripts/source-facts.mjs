#!/usr/bin/env node
// The facts the tests need from the five source documents, without their sentences:
// test/source-facts.json holds each document's line count and, for every line the data cites
// (with TOLERANCE lines either side), the figures written on it and a hash of its text.
// The tests check the questionnaires, role packs and templates against this index on any clone;
// against the documents themselves only when they are present.
//
//   npm run facts              regenerate the index from ../shared/seeds and the current data
//   npm run facts -- --check   exit 1 if the index is not what the documents and data give
//   --seeds DIR                the documents' folder (default $PEER_READY_SOURCES or ../shared/seeds)
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const INDEX_FILE = join(root, 'test', 'source-facts.json');
export const DEFAULT_SEEDS = process.env.PEER_READY_SOURCES || join(root, '..', 'shared', 'seeds');

/** Lines may shift by a few in the OCR'd sources: a citation covers this many lines either side. */
export const TOLERANCE = 3;

/** Each citation's document, by the file name's prefix in the seeds folder. */
export const SEED_PREFIX = { handbook: '004', cmpss: '002', 'wi-cps': '001', 'wi-cpps': '000', 'cw-m4': '003' };

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const inWords = (n) => (n < 20 ? ONES[n] : TENS[Math.floor(n / 10)] + (n % 10 ? `-${ONES[n % 10]}` : ''));
/** Number words from two to ninety-nine ("one" is left out: "one program", "no one" are not figures). */
export const WORDS = new Map(Array.from({ length: 98 }, (_, i) => [inWords(i + 2), i + 2]));
/** The same, with "one": what a source line counts as a figure (the data may say "a", the source "one"). */
export const SOURCE_WORDS = new Map([...WORDS, ['one', 1]]);
const wordRe = (words) => new RegExp(`\\b(${[...words.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace('-', '[- ]')).join('|')})\\b`, 'gi');
const WORD_RES = new Map([[WORDS, wordRe(WORDS)], [SOURCE_WORDS, wordRe(SOURCE_WORDS)]]);

/** The figures in a text: numerals (1,000 / 1.5 / .1 / $50.00 / 85%) and number words, as numbers. */
export function figures(text, words = WORDS) {
  const out = new Set();
  for (const m of text.replace(/(\d),(\d{3})\b/g, '$1$2').matchAll(/\d*\.?\d+/g)) out.add(Number(m[0]));
  const re = WORD_RES.get(words) ?? wordRe(words);
  for (const m of text.matchAll(re)) {
    const n = words.get(m[0].toLowerCase().replace(' ', '-'));
    if (n !== undefined) out.add(n);
  }
  return [...out];
}

/** A line's text with spacing and case evened out, hashed: tells a changed line without keeping it. */
export const lineHash = (line) => createHash('sha256').update(line.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex').slice(0, 12);

/** [first, last] of a citation's `lines` ("338-342", 515 or "515"). */
export function lineRange(lines) {
  const [a, b = a] = String(lines).split('-').map(Number);
  return [a, b];
}

/** Every citation with lines in the data files (questionnaires/**, templates/*.yaml), wherever it sits. */
export function dataCitations(dir = root) {
  const files = [
    ...yamlFiles(join(dir, 'questionnaires')),
    ...yamlFiles(join(dir, 'templates')),
  ];
  const out = [];
  const walk = (file, node, path) => {
    if (Array.isArray(node)) node.forEach((x, i) => walk(file, x, `${path}[${i}]`));
    else if (node && typeof node === 'object') {
      if (typeof node.doc === 'string' && node.lines !== undefined) out.push({ file: relative(dir, file), where: path, doc: node.doc, lines: node.lines });
      for (const [k, v] of Object.entries(node)) walk(file, v, path ? `${path}.${k}` : k);
    }
  };
  for (const f of files) walk(f, parse(readFileSync(f, 'utf8')), '');
  return out;
}

function yamlFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []))
    .sort();
}

/** The five documents' lines, or undefined when the folder is not there. */
export function readSeeds(seeds = DEFAULT_SEEDS) {
  if (!existsSync(seeds)) return undefined;
  const names = readdirSync(seeds);
  return Object.fromEntries(
    Object.entries(SEED_PREFIX).map(([doc, prefix]) => {
      const file = names.find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
      if (!file) throw new Error(`${seeds}: no ${prefix}_*.txt (the ${doc} document)`);
      const text = readFileSync(join(seeds, file), 'utf8');
      return [doc, { file, text, lines: text.split('\n') }];
    }),
  );
}

/** The index for the documents and the citations in the data. */
export function buildIndex(docs, cites = dataCitations()) {
  const wanted = Object.fromEntries(Object.keys(SEED_PREFIX).map((d) => [d, new Set()]));
  for (const c of cites) {
    if (!wanted[c.doc]) throw new Error(`${c.file} ${c.where}: unknown document "${c.doc}"`);
    const [a, b] = lineRange(c.lines);
    for (let n = Math.max(1, a - TOLERANCE); n <= Math.min(b + TOLERANCE, docs[c.doc].lines.length); n++) wanted[c.doc].add(n);
  }
  const out = {
    about:
      'Facts from the source documents (../shared/seeds) that the tests check the data against, without their text: ' +
      'each document\'s line count and, for every line the data cites (with `tolerance` lines either side), ' +
      'the figures on it ("f") and a hash of its text ("h"). Regenerate with `npm run facts`.',
    tolerance: TOLERANCE,
    docs: {},
  };
  for (const [doc, { file, text, lines }] of Object.entries(docs)) {
    const cited = {};
    for (const n of [...wanted[doc]].sort((x, y) => x - y)) {
      const line = lines[n - 1];
      const f = figures(line, SOURCE_WORDS).sort((x, y) => x - y);
      cited[n] = f.length ? { h: lineHash(line), f } : { h: lineHash(line) };
    }
    out.docs[doc] = { file, lineCount: lines.length, sha256: createHash('sha256').update(text).digest('hex'), cited };
  }
  return out;
}

/** One entry per line, so a change to the data shows in a diff as the lines it cites. */
export function serialize(index) {
  const docs = Object.entries(index.docs).map(([doc, d]) => {
    const cited = Object.entries(d.cited).map(([n, v]) => `      "${n}": ${JSON.stringify(v)}`);
    return `    ${JSON.stringify(doc)}: {\n      "file": ${JSON.stringify(d.file)},\n      "lineCount": ${d.lineCount},\n      "sha256": ${JSON.stringify(d.sha256)},\n      "cited": {\n${cited.map((l) => `  ${l}`).join(',\n')}\n      }\n    }`;
  });
  return `{\n  "about": ${JSON.stringify(index.about)},\n  "tolerance": ${index.tolerance},\n  "docs": {\n${docs.join(',\n')}\n  }\n}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const s = args.indexOf('--seeds');
  const seeds = s >= 0 ? args[s + 1] : DEFAULT_SEEDS;
  const docs = readSeeds(seeds);
  if (!docs) {
    console.error(`source-facts: the documents are not at ${seeds} (give --seeds DIR or PEER_READY_SOURCES)`);
    process.exit(2);
  }
  const text = serialize(buildIndex(docs));
  const rel = relative(process.cwd(), INDEX_FILE);
  if (check) {
    const old = existsSync(INDEX_FILE) ? readFileSync(INDEX_FILE, 'utf8') : '';
    if (old !== text) {
      console.error(`source-facts: ${rel} is out of date; run npm run facts`);
      process.exit(1);
    }
    console.log(`source-facts: ${rel} matches ${seeds} and the data`);
  } else {
    writeFileSync(INDEX_FILE, text);
    const n = Object.values(JSON.parse(text).docs).reduce((s, d) => s + Object.keys(d.cited).length, 0);
    console.log(`source-facts: wrote ${rel} (${n} cited lines from ${seeds})`);
  }
}

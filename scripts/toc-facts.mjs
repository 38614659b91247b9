#!/usr/bin/env node
// Each source document's table of contents, as printed (title and pages), and a hash of the text
// on every heading line src/core/sources.ts names: test/toc-facts.json. The citation tests check
// the headings' pages and lines against this file on any clone, and the file against the
// documents when they are present (../shared/seeds or PEER_READY_SOURCES).
//
//   node scripts/toc-facts.mjs            (Node 24) regenerate test/toc-facts.json from the documents
//   node scripts/toc-facts.mjs --check    exit 1 if it is not what the documents give
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEEDS, lineHash, readSeeds } from './source-facts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TOC_FILE = join(root, 'test', 'toc-facts.json');

/** The lines each document's table of contents occupies in its text conversion (the toolkit module has none). */
export const CONTENTS_LINES = { handbook: [13, 33], cmpss: [11, 67], 'wi-cps': [13, 38], 'wi-cpps': [14, 27], 'cw-m4': null };

/** A title without case, punctuation, spacing or dot leaders: how the contents and the headings are compared. */
export const titleKey = (t) => t.toLowerCase().replace(/…$/, '').replace(/[^a-z0-9]/g, '');

/** One printed contents line: its title and pages ("25-28", "3", or undefined when it shows none). */
export function contentsEntry(line) {
  const m = /^(.*?)[\s.…]*?(\d+(?:-\d+)?)?\s*$/.exec(line.trim());
  const title = m[1].replace(/[\s.…]+$/, '').trim();
  return m[2] ? { title, pages: m[2] } : { title };
}

export function buildToc(docs, headings) {
  const out = {
    about:
      "Each document's table of contents as printed (title and pages), and a hash of the text on each heading line " +
      'src/core/sources.ts names. Regenerate with `node scripts/toc-facts.mjs` (needs the documents).',
    docs: {},
  };
  for (const [doc, { lines }] of Object.entries(docs)) {
    const range = CONTENTS_LINES[doc];
    const contents = [];
    if (range) for (let n = range[0]; n <= range[1]; n++) if (lines[n - 1].trim()) contents.push(contentsEntry(lines[n - 1]));
    const headingLines = {};
    for (const h of headings[doc]) headingLines[h.line] = lineHash(lines[h.line - 1]);
    out.docs[doc] = { contents, headingLines };
  }
  return out;
}

/** One contents entry or heading line per line, so a change shows in a diff as what it changes. */
export function serializeToc(toc) {
  const docs = Object.entries(toc.docs).map(([doc, d]) => {
    const contents = d.contents.map((e) => `        ${JSON.stringify(e)}`).join(',\n');
    const lines = Object.entries(d.headingLines).map(([n, h]) => `        "${n}": ${JSON.stringify(h)}`).join(',\n');
    return `    ${JSON.stringify(doc)}: {\n      "contents": [${contents ? `\n${contents}\n      ` : ''}],\n      "headingLines": {\n${lines}\n      }\n    }`;
  });
  return `{\n  "about": ${JSON.stringify(toc.about)},\n  "docs": {\n${docs.join(',\n')}\n  }\n}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const docs = readSeeds();
  if (!docs) {
    console.error(`toc-facts: the documents are not at ${DEFAULT_SEEDS}`);
    process.exit(2);
  }
  // Node 23.6+ runs the TypeScript module directly (its types are stripped).
  const { SOURCES } = await import('../src/core/sources.ts');
  const text = serializeToc(buildToc(docs, Object.fromEntries(Object.entries(SOURCES).map(([d, s]) => [d, s.headings]))));
  if (check) process.exit(existsSync(TOC_FILE) && readFileSync(TOC_FILE, 'utf8') === text ? 0 : 1);
  writeFileSync(TOC_FILE, text);
  console.log(`wrote ${relative(process.cwd(), TOC_FILE)}`);
}

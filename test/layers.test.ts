// Imports point one way: cli → commands and ui → io → core. Every import in src/ (static,
// dynamic, type-only, re-exports) is read with the TypeScript compiler's own parser and
// checked against the rules below, so a wrong-way import fails `npm test`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

type Layer = 'entry' | 'commands' | 'ui' | 'io' | 'core';

interface Import {
  from: string; // src/… of the importing file
  to: string; // src/… of the imported file, or the package name
  typeOnly: boolean;
  line: number;
}

const SRC = 'src';
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : []));

/** "src/ui/wizard.js" as written in an import → the file it names ("src/ui/wizard.tsx"). */
const sourceFile = (path: string) => {
  const base = path.replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`].find((f) => existsSync(f)) ?? path;
};

/** Every import of one source file, found by walking its syntax tree. */
export function importsOf(file: string, text = readFileSync(file, 'utf8')): Import[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Import[] = [];
  const add = (spec: ts.Expression, typeOnly: boolean) => {
    if (!ts.isStringLiteral(spec)) return;
    const raw = spec.text;
    const to = raw.startsWith('.') ? sourceFile(relative('.', resolve(dirname(file), raw)).split('\\').join('/')) : raw;
    out.push({ from: file.split('\\').join('/'), to, typeOnly, line: sf.getLineAndCharacterOfPosition(spec.getStart()).line + 1 });
  };
  const visit = (n: ts.Node) => {
    if (ts.isImportDeclaration(n)) add(n.moduleSpecifier, !!n.importClause?.isTypeOnly);
    else if (ts.isExportDeclaration(n) && n.moduleSpecifier) add(n.moduleSpecifier, n.isTypeOnly);
    else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0]) add(n.arguments[0], false);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) add(n.argument.literal as ts.Expression, true);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

export function layerOf(path: string): Layer {
  const m = /^src\/(commands|ui|io|core)\//.exec(path);
  return m ? (m[1] as Layer) : 'entry';
}

const MAY_IMPORT: Record<Layer, Layer[]> = {
  entry: ['entry', 'commands', 'ui', 'io', 'core'],
  commands: ['commands', 'io', 'core'],
  ui: ['ui', 'io', 'core'],
  io: ['io', 'core'],
  core: ['core'],
};

/** Where each package may be imported (packages not listed may be imported anywhere). */
const PACKAGES: Record<string, (from: string) => boolean> = {
  ink: (f) => f.startsWith('src/ui/'),
  react: (f) => f.startsWith('src/ui/'),
  'react/jsx-runtime': (f) => f.startsWith('src/ui/'),
  'ink-select-input': (f) => f.startsWith('src/ui/'),
  conf: (f) => f === 'src/io/store.ts',
};

/** The rule an import breaks, if any. */
export function violation(i: Import): string | undefined {
  const { from, to } = i;
  if (!to.startsWith('src/')) {
    const allowed = PACKAGES[to];
    if (allowed && !allowed(from)) return `${to} may not be imported here`;
    if (layerOf(from) === 'core' && to.startsWith('node:')) return 'core is pure: no Node built-ins (files and processes belong in io)';
    return undefined;
  }
  const [a, b] = [layerOf(from), layerOf(to)];
  if (!MAY_IMPORT[a].includes(b)) return `${a} may not import ${b}`;
  // The screens only draw: what they need from io reaches them through WizardDeps and RunInfo.
  // Type-only imports load nothing and are allowed.
  if (from.startsWith('src/ui/screens/') && b === 'io' && !i.typeOnly) return 'screens get io through the wizard, not by import';
  return undefined;
}

describe('layers', () => {
  const all = files(SRC).flatMap((f) => importsOf(f));

  it('finds the imports it checks (static, dynamic and type-only)', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all).toContainEqual(expect.objectContaining({ from: 'src/cli.ts', to: 'src/commands/plan.ts', typeOnly: false }));
    expect(all.some((i) => i.typeOnly)).toBe(true);
    // Every project import was traced to its file.
    for (const i of all.filter((x) => x.to.startsWith('src/'))) expect(existsSync(i.to), `${i.from}:${i.line} ${i.to}`).toBe(true);
  });

  it('every import in src/ points down: entry → commands and ui → io → core', () => {
    const wrong = all.map((i) => ({ i, why: violation(i) })).filter((x) => x.why);
    expect(wrong.map(({ i, why }) => `${i.from}:${i.line} imports ${i.to}: ${why}`)).toEqual([]);
  });

  it('catches a wrong-way import', () => {
    const probe = (from: string, text: string) => importsOf(from, text).map(violation);
    expect(probe('src/io/session.ts', "import { slug } from '../commands/plan.js';")).toEqual(['io may not import commands']);
    expect(probe('src/core/x.ts', "const m = await import('../io/store.js');")).toEqual(['core may not import io']);
    expect(probe('src/io/x.ts', "import type { RunInfo } from '../ui/screens/types.js';")).toEqual(['io may not import ui']);
    expect(probe('src/ui/screens/Profile.tsx', "import { localStamp } from '../../io/store.js';")).toEqual(['screens get io through the wizard, not by import']);
    expect(probe('src/commands/plan.ts', "import { render } from 'ink';")).toEqual(['ink may not be imported here']);
    expect(probe('src/core/x.ts', "import { readFileSync } from 'node:fs';")).toEqual(['core is pure: no Node built-ins (files and processes belong in io)']);
    expect(probe('src/ui/run.ts', "import('../io/session.js');")).toEqual([undefined]);
  });
});

describe("the README's layout section", () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('\nLayout:\n'), readme.indexOf('\nImports point one way'));
  const named = [...section.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!);
  const ROOTS = /^(src|scripts|test|bench|docs|examples|questionnaires|templates|\.ci)\//;

  it('names only paths that exist', () => {
    expect(section.length).toBeGreaterThan(200);
    const paths = named.filter((p) => ROOTS.test(p));
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => !existsSync(p))).toEqual([]);
  });

  it('names every folder of the repository and of src/', () => {
    const tracked = (dir: string) =>
      readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !['node_modules', 'dist', '.git', '.tmp', 'coverage'].includes(d.name))
        .map((d) => `${dir === '.' ? '' : `${dir}/`}${d.name}/`);
    const missing = [...tracked('.'), ...tracked('src')].filter((d) => !named.some((n) => n === d || n.startsWith(d)));
    expect(missing).toEqual([]);
  });
});

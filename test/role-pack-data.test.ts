// Adding a role pack is a data change only: the program types are the role packs. This test
// adds a sixth pack from a fixture file (test/fixtures/roles/) to a copy of the repository's
// data, and follows it through every place a program type is used, with no change to the code.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateAnswers } from '../src/core/answers.js';
import { formatPlan, programTypes, questionnairesFor, type Catalog } from '../src/core/plan-document.js';
import { answersJsonSchema } from '../src/commands/schema.js';
import { answersTemplateYaml } from '../src/commands/template.js';
import { readDataFiles } from '../src/io/builtin.js';
import { checkCatalog } from '../src/io/check.js';
import { answersFile } from './helpers.js';

const FIXTURE = 'test/fixtures/roles/fixture-state.yaml';
const root = mkdtempSync(join(tmpdir(), 'peer-ready-sixth-role-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
cpSync('questionnaires', join(root, 'questionnaires'), { recursive: true });
cpSync('templates', join(root, 'templates'), { recursive: true });
cpSync(FIXTURE, join(root, 'questionnaires', 'roles', 'fixture-state.yaml'));
// Loaded and checked exactly as the built-in catalog is (src/io/builtin.ts, and the build).
const catalog: Catalog = checkCatalog(readDataFiles(root));
const shipped: Catalog = checkCatalog(readDataFiles('.'));

describe('a sixth role pack, added as a data file only', () => {
  it('is a program type, listed after the five in its order', () => {
    expect(Object.keys(shipped.roles)).toHaveLength(5);
    expect(programTypes(catalog).map((p) => p.value)).toEqual([...Object.keys(shipped.roles), 'fixture-state']);
    expect(programTypes(catalog).at(-1)).toEqual({ value: 'fixture-state', label: 'Fixture State peer specialist (test only)' });
  });

  it('adds its questions after the four instruments, for that program type only', () => {
    const ids = (pt: string) => questionnairesFor(catalog, pt).flatMap((q) => q.sections.flatMap((s) => s.items.map((i) => i.id)));
    expect(ids('fixture-state')).toContain('role.fixture-state.values-agreed');
    expect(ids('general')).not.toContain('role.fixture-state.values-agreed');
  });

  it('answers files may name it, and its plan carries its label, requirements and questions', async () => {
    const file = answersFile(catalog, { profile: { programType: 'fixture-state' }, scored: 'no' });
    const a = validateAnswers(file, (pt) => questionnairesFor(catalog, pt), 'sixth.json');
    const plan = await formatPlan(catalog, a, '2027-01-01', 'md');
    expect(plan).toContain('- **Program type:** Fixture State peer specialist (test only)');
    expect(plan).toContain('The agency has agreed on recovery values before it recruits any peer staff.');
    expect(plan).toContain('Ask leadership to write down and sign the recovery values the program will follow.');
    // The shipped catalog, which has no such pack, rejects the same file and lists what it knows.
    expect(() => validateAnswers(file, (pt) => questionnairesFor(shipped, pt), 'sixth.json')).toThrow(
      'sixth.json: profile.programType: must be one of: general, wi-cps, wi-cpps, ca-cmpss, child-welfare (got "fixture-state")',
    );
  });

  it('appears in the answers file JSON Schema and the answers template', () => {
    const schema = answersJsonSchema(catalog) as { properties: { profile: { properties: { programType: { enum: string[] } } } }; allOf: { if: unknown }[] };
    expect(schema.properties.profile.properties.programType.enum).toContain('fixture-state');
    expect(JSON.stringify(schema.allOf)).toContain('role.fixture-state.values-agreed');
    const template = answersTemplateYaml(questionnairesFor(catalog, 'fixture-state'), '2027-01-01', 'fixture-state', catalog.roles['fixture-state']!.label);
    expect(template).toContain('programType: fixture-state');
    expect(template).toContain('# Fixture State peer specialist (test only)');
    expect(template).toContain('role.fixture-state.values-agreed:');
  });

  it('a scope in the data may name it, and may not name a program type that has no pack', () => {
    const withScope = (program: string) =>
      readDataFiles(root).map((f) =>
        f.file === 'questionnaires/cmpss.yaml' ? { ...f, data: JSON.parse(JSON.stringify(f.data).replace('"scope":["ca-cmpss"]', `"scope":["ca-cmpss","${program}"]`)) } : f,
      );
    expect(JSON.stringify(readDataFiles(root).find((f) => f.file === 'questionnaires/cmpss.yaml')!.data)).toContain('"scope":["ca-cmpss"]');
    expect(() => checkCatalog(withScope('fixture-state'))).not.toThrow();
    expect(() => checkCatalog(withScope('nowhere'))).toThrow(/^questionnaires\/cmpss\.yaml: .*scope\[1\]: must be one of: general, .*fixture-state \(got "nowhere"\)$/);
  });

  it('no source file lists the program types (they come from questionnaires/roles/)', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
    // Program types that are not also the id of a source document.
    const named = walk('src').filter((f) => /ca-cmpss|child-welfare/.test(readFileSync(f, 'utf8')));
    expect(named).toEqual([]);
  });
});

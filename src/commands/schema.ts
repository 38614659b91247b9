// `peer-ready schema`: the JSON Schema of answers files, derived from the zod schema and
// completed with every question id and its allowed values from the questionnaires.
import * as z from 'zod';
import { AnswersFileSchema } from '../core/answers.js';
import { DATE_RANGE } from '../core/dates.js';
import { questionnairesFor, type Catalog } from '../core/plan-document.js';
import { allItems, allowedValues } from '../core/questionnaire.js';

export const SCHEMA_ID = 'https://peer-ready.dev/schema/answers-v1.json';

type Json = Record<string, unknown>;

export function answersJsonSchema(catalog: Catalog): Json {
  const base = z.toJSONSchema(AnswersFileSchema, { target: 'draft-2020-12', io: 'input' }) as Json;
  // Dates are also bounded (src/core/dates.ts); JSON Schema's "date" format cannot say so.
  const dated = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const n = node as Json;
    if (n.format === 'date') n.description = `${typeof n.description === 'string' ? n.description : 'A date, YYYY-MM-DD'}; from ${DATE_RANGE.first} to ${DATE_RANGE.last}`;
    Object.values(n).forEach(dated);
  };
  dated(base);
  const props: Record<string, Json> = {};
  const programs = Object.keys(catalog.roles);
  // Every question of every program; which ones are required depends on the program type.
  const seen = new Set<string>();
  const all = programs.flatMap((p) => allItems(questionnairesFor(catalog, p))).filter(({ item }) => !seen.has(item.id) && seen.add(item.id));
  for (const { q, item } of all) {
    const value: Json = item.type === 'text' ? { type: 'string' } : { enum: allowedValues(item) };
    if (item.type === 'true-false') value.enum = [true, false, 'true', 'false', 'not-sure'];
    props[item.id] = {
      description: `${q.short}: ${item.text}`,
      anyOf: [
        value,
        {
          type: 'object',
          properties: {
            value,
            note: { type: 'string' },
            owner: { type: 'string' },
            question: { type: 'string' },
            allowed: { type: 'array', items: { type: 'string' } },
          },
          required: ['value'],
          additionalProperties: false,
        },
      ],
    };
  }
  const properties = base.properties as Record<string, Json>;
  // The program types are the role packs.
  const profile = properties.profile as { properties: Record<string, Json> };
  profile.properties.programType = { type: 'string', enum: programs, description: `One of: ${programs.join(', ')}` };
  // Required everywhere: the questions every program type is asked (some are scoped to a few).
  const perProgram = programs.map((p) => new Set(allItems(questionnairesFor(catalog, p)).map(({ item }) => item.id)));
  const common = allItems(catalog.questionnaires).map(({ item }) => item.id).filter((id) => perProgram.every((s) => s.has(id)));
  properties.answers = {
    type: 'object',
    description: 'One answer per question id. A value, or { value, note, owner }.',
    properties: props,
    required: common,
    additionalProperties: false,
  };
  // Role packs add questions for their program type: require those only there.
  const byProgram = programs
    .map((p) => ({ p, extra: allItems(questionnairesFor(catalog, p)).map(({ item }) => item.id).filter((id) => !common.includes(id)) }))
    .filter((x) => x.extra.length > 0)
    .map(({ p, extra }) => ({
      // Complete enough for Ajv's strict mode: each subschema names its type, and every
      // required property is declared beside it (`true`: its real schema is the one above).
      if: {
        type: 'object',
        properties: { profile: { type: 'object', properties: { programType: { const: p } }, required: ['programType'] } },
        required: ['profile'],
      },
      then: {
        type: 'object',
        properties: { answers: { type: 'object', properties: Object.fromEntries(extra.map((id) => [id, true])), required: extra } },
      },
    }));
  return { $id: SCHEMA_ID, title: 'peer-ready answers file', ...base, ...(byProgram.length ? { allOf: byProgram } : {}) };
}

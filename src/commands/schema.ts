// `peer-ready schema`: the JSON Schema of answers files, derived from the zod schema and
// completed with every question id and its allowed values from the questionnaires.
import * as z from 'zod';
import { AnswersFileSchema, PROGRAM_TYPES, type ProgramType } from '../core/answers.js';
import { questionnairesFor, type Catalog } from '../core/plan-document.js';
import { allItems, allowedValues } from '../core/questionnaire.js';

export const SCHEMA_ID = 'https://peer-ready.dev/schema/answers-v1.json';

type Json = Record<string, unknown>;

export function answersJsonSchema(catalog: Catalog): Json {
  const base = z.toJSONSchema(AnswersFileSchema, { target: 'draft-2020-12', io: 'input' }) as Json;
  const props: Record<string, Json> = {};
  const programs = Object.keys(PROGRAM_TYPES) as ProgramType[];
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
  const common = allItems(catalog.questionnaires).map(({ item }) => item.id);
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
      if: { properties: { profile: { properties: { programType: { const: p } } } } },
      then: { properties: { answers: { required: extra } } },
    }));
  return { $id: SCHEMA_ID, title: 'peer-ready answers file', ...base, ...(byProgram.length ? { allOf: byProgram } : {}) };
}

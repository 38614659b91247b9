// `peer-ready schema`: the JSON Schema of answers files, derived from the zod schema and
// completed with every question id and its allowed values from the questionnaires.
import { z } from 'zod';
import { AnswersFileSchema } from '../core/answers.js';
import { allItems, allowedValues, type Questionnaire } from '../core/questionnaire.js';

export const SCHEMA_ID = 'https://peer-ready.dev/schema/answers-v1.json';

type Json = Record<string, unknown>;

export function answersJsonSchema(qs: readonly Questionnaire[]): Json {
  const base = z.toJSONSchema(AnswersFileSchema, { target: 'draft-2020-12', io: 'input' }) as Json;
  const props: Record<string, Json> = {};
  for (const { q, item } of allItems(qs)) {
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
  properties.answers = {
    type: 'object',
    description: 'One answer per question id. A value, or { value, note, owner }.',
    properties: props,
    required: Object.keys(props),
    additionalProperties: false,
  };
  return { $id: SCHEMA_ID, title: 'peer-ready answers file', ...base };
}

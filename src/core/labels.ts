// The words shown for statuses and answer values: one map each, shared by the plan, the
// comparison, the merge and the wizard. Sentence case here; prose that runs them into a sentence
// lower-cases them ("partly met", "not applicable yet").
import type { Status } from './questionnaire.js';

/** How a scored item stands: "Met", "Partly met", "Not met", "Not sure". */
export const STATUS_LABEL: Readonly<Record<Status, string>> = {
  met: 'Met',
  partly: 'Partly met',
  'not-met': 'Not met',
  'not-sure': 'Not sure',
};

/** The words for the answer values shared by every questionnaire (a choice item's own labels come from its data). */
export const VALUE_LABEL: Readonly<Record<string, string>> = {
  true: 'True',
  false: 'False',
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  'not-sure': 'Not sure',
  'not-applicable': 'Not applicable yet',
};

/** The label of a shared answer value, or undefined for any other string. */
export function valueLabel(value: string): string | undefined {
  return Object.hasOwn(VALUE_LABEL, value) ? VALUE_LABEL[value] : undefined;
}

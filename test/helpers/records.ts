// A saved-progress record for store tests: an in-progress general assessment with these answers.
import type { AssessmentRecord } from '../../src/core/wizard-state.js';

export const record = (id: string, name: string, values: Record<string, string> = {}): AssessmentRecord => ({
  id,
  profile: { name, programType: 'general' },
  values,
  notes: {},
  position: { step: 'question', index: Object.keys(values).length },
  status: 'in-progress',
  total: 90,
});

import { it } from 'vitest';
import { validateAnswers } from '../src/core/answers.js';
import { planModel, planMarkdown } from '../src/core/format.js';
import { loadCatalog } from '../src/io/load.js';
import { answersFile, forProgram } from './helpers.js';
it('prof', async () => {
  const catalog = await loadCatalog();
  const a = validateAnswers(answersFile(catalog, { timelineTrue: 6, scored: 'partly' }), forProgram(catalog), 't');
  for (let i = 0; i < 50; i++) planMarkdown(catalog, planModel(catalog, a, '2027-01-01'));
  let t0 = performance.now();
  for (let i = 0; i < 300; i++) planModel(catalog, a, '2027-01-01');
  const tm = (performance.now() - t0) / 300;
  const m = planModel(catalog, a, '2027-01-01');
  t0 = performance.now();
  for (let i = 0; i < 300; i++) planMarkdown(catalog, m);
  console.log('model ms', tm.toFixed(3), 'render ms', ((performance.now() - t0) / 300).toFixed(3), 'tasks', m.actions.length);
});

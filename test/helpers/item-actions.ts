// What a question asks the plan to do, as text with citations: the titles of the work it points
// to (templates/work.yaml) and the details it adds, each with its scope. For content checks that
// read every action text.
import { workLink, type Citation, type Item, type Scope } from '../../src/core/questionnaire.js';
import { workById } from '../../src/core/plan/work.js';
import { builtinCatalog } from '../../src/io/builtin.js';

export interface ItemAction {
  id: string;
  text: string;
  cite: Citation;
  scope: Scope;
}

export function itemActions(item: Item): ItemAction[] {
  if (item.type === 'text') return [];
  const work = workById(builtinCatalog().work);
  return item.work.flatMap((r) => {
    const l = workLink(r);
    const w = work.get(l.id)!;
    return [{ id: w.id, text: w.title, cite: w.cite, scope: w.scope }, ...l.details.map((d) => ({ id: w.id, text: d.text, cite: d.cite, scope: d.scope ?? l.scope }))];
  });
}

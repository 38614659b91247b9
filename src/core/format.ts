// Turning an assessment into the plan document, in any of the output formats.
import type { Assessment } from './answers.js';
import type { PlanContent } from './plan-content.js';
import { buildPlan, type PlanModel } from './plan.js';
import type { Questionnaire } from './questionnaire.js';
import { render, type Templates } from './render.js';

export interface Catalog {
  questionnaires: Questionnaire[];
  content: PlanContent;
  templates: Templates;
}

export const FORMATS = ['md', 'html', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export function planMarkdown(catalog: Catalog, model: PlanModel): string {
  return render(catalog.templates, 'plan.md', model).replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

export async function formatPlan(catalog: Catalog, a: Assessment, date: string, format: Format): Promise<string> {
  const model = buildPlan(catalog.questionnaires, catalog.content, a, date);
  if (format === 'json') return JSON.stringify(model, null, 2) + '\n';
  const md = planMarkdown(catalog, model);
  if (format === 'md') return md;
  const { markdownToHtml } = await import('./html.js');
  return markdownToHtml(md, `Peer support readiness plan: ${model.org.name}`);
}

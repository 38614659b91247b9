// Checks and defaults the scripted commands and the wizard share: the --date option and the
// default names of the files they write.
import { dateMessage } from './dates.js';
import { UsageError } from './errors.js';
import type { Format } from './plan-document.js';

export function checkDate(date: string): string {
  const problem = dateMessage(date);
  if (problem) throw new UsageError(`--date: ${problem}`);
  return date;
}

export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'organisation'
  );
}

export function defaultOut(orgName: string, format: Format): string {
  return `peer-ready-plan-${slug(orgName)}.${format}`;
}

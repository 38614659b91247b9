// The one rule for the plan's proposed start date, used by the wizard and by answers-template:
// the 1st of the month after the day it is proposed.
import { addMonths } from '../dates.js';

/** The 1st of the month after `date` (YYYY-MM-DD). */
export function proposedStartDate(date: string): string {
  return addMonths(`${date.slice(0, 8)}01`, 1);
}

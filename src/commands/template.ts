// `peer-ready answers-template`: a complete answers file to fill in, every question beside its id.
import { DEFAULT_PROGRAM, type ProgramType } from '../core/answers.js';
import { allowedValues, type Questionnaire } from '../core/questionnaire.js';
import { proposedStartDate } from '../core/wizard/start-date.js';

function wrap(text: string, width: number, prefix: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (prefix + line + ' ' + w).length > width) {
      lines.push(prefix + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(prefix + line);
  return lines;
}

/** `date` is the day the template is made: its start date is the one the wizard proposes (the 1st of next month). `label` is the program type's label (its role pack's), written beside it as a comment. */
export function answersTemplateYaml(qs: readonly Questionnaire[], date: string, programType: ProgramType = DEFAULT_PROGRAM, label = programType): string {
  const startDate = proposedStartDate(date);
  const out: string[] = [
    '# peer-ready answers file. Fill in every answer, then run:',
    '#   peer-ready --answers THIS-FILE.yaml --out plan.md',
    '# Answer "not-sure" where you do not know: it counts as not met and is listed for follow-up.',
    '# An answer may also be written { value: yes, note: "…", owner: "HR director" }.',
    '# For editor completion: peer-ready schema > answers.schema.json, then add  $schema: ./answers.schema.json',
    'version: 1',
    'profile:',
    '  name: ""                # the organisation',
    `  programType: ${programType.padEnd(12)}    # ${label}; the role questions below are for it (--program to change)`,
    `  startDate: "${startDate}"  # when month 1 of the plan starts (YYYY-MM-DD)`,
    '  timelineFixed: false    # true when a funder or other outside party sets the deadline',
    '  # targetDate: "2027-09-30"   # optional: when peer staff must be in post (or the funder\'s date); the plan is fitted to it',
    '  # respondent: "Executive director"   # optional: who answered, by role',
    'answers:',
  ];
  for (const q of qs) {
    out.push('', `  # ==== ${q.title} ====`);
    for (const s of q.sections) {
      out.push(`  # ---- ${s.title} ----`);
      for (const item of s.items) {
        out.push(...wrap(item.text, 96, '  # '));
        if (item.type === 'choice') {
          for (const c of item.choices) out.push(`  #   ${c.value}: ${c.label}`);
          out.push('  #   not-sure');
          if (item.notApplicable) out.push(`  #   not-applicable: ${item.notApplicable}`);
        } else if (item.type === 'text') out.push('  #   (free text; leave "" if you cannot answer)');
        else {
          out.push(`  #   ${allowedValues(item).join(' | ')}`);
          if (item.notApplicable) out.push(`  #   (not-applicable: ${item.notApplicable})`);
        }
        out.push(`  ${item.id}: ""`);
      }
    }
  }
  return out.join('\n') + '\n';
}

export function answersTemplateJson(qs: readonly Questionnaire[], date: string, programType: ProgramType = DEFAULT_PROGRAM): string {
  const startDate = proposedStartDate(date);
  const answers: Record<string, unknown> = {};
  for (const q of qs)
    for (const s of q.sections)
      for (const item of s.items) answers[item.id] = { value: '', question: item.text, allowed: allowedValues(item) };
  return (
    JSON.stringify(
      {
        version: 1,
        profile: { name: '', programType, startDate, timelineFixed: false },
        answers,
      },
      null,
      2,
    ) + '\n'
  );
}

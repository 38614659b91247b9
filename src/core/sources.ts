// The source documents: the one place they are defined. For each document, its full
// bibliographic entry (as far as the document itself states it; "not stated" rather than a
// guess) and its headings in reading order, with the page each starts on as the document's own
// table of contents gives it. `line` is where the heading starts in the text conversion the
// content was written from; it stays in the data and the tests, and readers never see it.
//
// A citation names a document and one of its headings (`section`), optionally with lines. The
// plan shows the heading, the chapter it belongs to and that chapter's pages, e.g.
// "Provider's Handbook, Stage 2 of Implementation: Policy Review and Readiness, pp. 25–28".

export interface Heading {
  title: string;
  /** Line in the text conversion where the heading starts. */
  line: number;
  /** 1 = a table-of-contents entry; 2 = an entry nested under one; 3+ = headings inside the text only. */
  level: number;
  /** Pages from the document's own table of contents ("25-28" or "25"); absent when it gives none. */
  pages?: string;
}

export interface SourceDoc {
  /** Short name used in every citation. */
  short: string;
  title: string;
  /** Author or publisher, as the document names them. */
  author: string;
  /** Year or revision, as the document states it. */
  date: string;
  /** Where the document says it can be found, if it does. */
  where?: string;
  headings: Heading[];
}

const h = (title: string, line: number, level: number, pages?: string): Heading => ({ title, line, level, ...(pages ? { pages } : {}) });

export const SOURCES = {
  handbook: {
    short: "Provider's Handbook",
    title: "The Provider's Handbook on Developing & Implementing Peer Roles",
    author:
      'Lyn Legere, Lyn Legere Consulting, with contributions from the Western Mass Peer Network and Sera Davidow of the Western Mass Recovery Learning Community; publisher not stated',
    date: 'Year not stated',
    where: 'www.psresources.info (named in the handbook’s conclusion as the home of its latest version)',
    headings: [
      h('Introduction', 35, 1, '3'),
      h('Top Ten Misconceptions About Peer Work', 47, 1, '4-5'),
      h('Peer Support: A Brief History', 63, 1, '6-8'),
      h('Side Bar: The Pros and Cons of Medicaid Funding…', 93, 3),
      h('Common Goals vs. Tensions', 106, 1, '9-10'),
      h('Understanding the Basics: Peer Support Values', 127, 1, '11-13'),
      h('The Evidence Base', 184, 1, '14-21'),
      h('Early Implementation: Building the Foundation', 328, 1, '22-24'),
      h('Buy-in from executive level and Board of Directors', 332, 2),
      h('Creating a Culture of Respect', 358, 2),
      h('Sidebar: Is it Best Practice to Hire People into Peer Roles…?', 378, 3),
      h('Stage 2 of Implementation: Policy Review and Readiness', 397, 1, '25-28'),
      h('Identify appropriate supervisors', 411, 2),
      h("Sidebar: What's harder—Supervising 'peer' or 'non-peer' staff?", 423, 3),
      h('Stage 3 of Implementation: Developing a Timeline', 498, 1, '29-30'),
      h('Peer Work: What Does It Actually Look Like?', 537, 1, '31-36'),
      h('Is That Really a Part of a Peer Role?', 621, 1, '37-43'),
      h('Developing a Job Description', 688, 1, '44-52'),
      h('Recruitment', 941, 1, '53-54'),
      h('The Interview', 971, 1, '55-60'),
      h('Setting Pay Rates', 1055, 1, '61-62'),
      h('Supervision', 1093, 1, '63'),
      h('Performance Reviews', 1113, 1, '64'),
      h('An Interview Across Roles', 1127, 1, '65-68'),
      h('A Word from YOUR Peers', 1228, 1, '69-73'),
      h('Additional Misconceptions & Concerns About Implementation', 1340, 1, '74-76'),
      h('Conclusion & Other Resources', 1380, 1, '77'),
    ],
  },
  cmpss: {
    short: 'CMPSS Guidelines',
    // The title as its first page prints it, year first.
    title: '2024 Best Practice Guidelines for Employing Certified Medi-Cal Peer Support Specialists',
    author: 'CalMHSA, with its Medi-Cal Peer Certification Stakeholder Advisory Council (named in the acknowledgments and contact details)',
    date: '2024, revised 11/19/24',
    where: 'www.CalMHSA.org; certification: www.CAPeerCertification.org (both given in the guidelines)',
    headings: [
      h('1. Introduction', 70, 1, '3'),
      h('Purpose', 72, 2, '3'),
      h('Intended Audience', 90, 2, '3'),
      h('History of Peer movement', 94, 2, '4'),
      h('2. Overview of Peer Support Specialists in Behavioral Health Settings', 115, 1, '5'),
      h('Value of Peer Support Specialists', 125, 2, '5'),
      h('State Qualifications and Training', 146, 2, '6'),
      h('Unique Challenges', 171, 2, '7'),
      h('3. Recruitment and Hiring', 239, 1, '10'),
      h('Requirements and Qualifications', 243, 2, '10'),
      h('Recruitment', 257, 2, '11'),
      h('Interviews and Selecting Candidates', 267, 2, '11'),
      h('Selecting Final Candidate', 290, 2, '12'),
      h('Compensation and Benefits', 302, 2, '13'),
      h('Offering Flexible Work Arrangements', 315, 2, '13'),
      h('Career Pathways', 330, 2, '14'),
      h('4. Establishing a Welcoming & Inclusive Workplace', 344, 1, '15'),
      h('Diversity and Inclusion in Integrated Peer Work Environments', 348, 2, '15'),
      h('Achieving Diversity in Hiring', 356, 2, '15'),
      h('Combatting Discrimination and Harassment', 370, 2, '16'),
      h('Inclusive Policies and Practices', 379, 2, '16'),
      h('Diverse Training Options', 392, 2, '16'),
      h('Transparent Guidelines: Conduct, Protection, Reporting, and Resolution Procedures', 410, 2, '17'),
      h('Cultivating Leadership Commitment to Diversity and Inclusion', 425, 2, '18'),
      h('Beyond Policies and Procedures: Welcoming and Celebrating Diversity for Peers', 433, 2, '18'),
      h('Encouraging Team Collaboration and Communication', 446, 2, '18'),
      h('Developing and Implementing Policies and Procedures that Support Peer Work', 458, 2, '19'),
      h('Creating a Feedback Mechanism for CMPSS Workers…', 476, 2, '19'),
      h('5. Training and Professional Development', 491, 1, '21'),
      h('Providing Initial and Ongoing Training', 495, 2, '21'),
      h('Supporting Peer Worker Development', 522, 2, '22'),
      h('6. Understanding Peer Support Services', 538, 1, '23'),
      h('Scope of Practice', 542, 2, '23'),
      h('Evidence-based Peer Practices', 568, 2, '24'),
      h('7. Supervision and Support', 648, 1, '29'),
      h('State Requirements for CMPSS Supervision', 652, 2, '29'),
      h('Providing Regular and Effective Supervision', 676, 2, '29'),
      h('Offering Emotional Support and Encouragement', 692, 2),
      h('Knowledge of Code of Ethics for Medi-Cal Peer Support Specialists', 701, 2),
      h('8. Workplace Readiness Checklist', 724, 1, '31'),
      h('8. Workplace Readiness Checklist, 1. Using Best Practices Guidelines', 726, 2, '31'),
      h('8. Workplace Readiness Checklist, 2. Overview of Peer Support Specialists in Behavioral Health Settings', 732, 2, '31'),
      h('8. Workplace Readiness Checklist, 3. Recruitment and Hiring', 738, 2, '31'),
      h('8. Workplace Readiness Checklist, 4. Establishing a Welcoming & Inclusive Workplace', 747, 2, '31'),
      h('8. Workplace Readiness Checklist, 5. Training and Professional Development', 758, 2, '31'),
      h('8. Workplace Readiness Checklist, 6. Understanding Peer Support Services', 763, 2, '32'),
      h('8. Workplace Readiness Checklist, 7. Supervision and Support', 768, 2, '32'),
      h('9. Appendixes', 774, 1, '33'),
      h('Appendix A - Resources on The History of Peer Movement', 776, 2, '33'),
      h('Appendix B - Resources on Peer Support Services in Behavioral Health Settings', 782, 2, '33'),
      h('Appendix C – Resources on Recruitment and Hiring', 788, 2, '33'),
      h('CMPSS Job Description Template', 798, 2, '34'),
      h('Sample Interview Questions', 863, 2),
      h('Appendix D - Resources for Work Environment Guidelines', 893, 2),
      h('Appendix E – Resources for Peer Supervision and Support', 901, 2),
    ],
  },
  'wi-cps': {
    short: 'Wisconsin CPS Guide',
    // The subtitle describes it as a guide for Wisconsin employers hiring, integrating and supporting CPS services.
    title: 'Certified Peer Specialists (CPS) in the Workplace',
    author: 'Author not stated (written for the Wisconsin Peer Specialist Employment Initiative; the acknowledgments thank Access to Independence staff and others)',
    date: 'Year not stated',
    where: 'www.wicps.org (the guide gives www.wicps.org/about-us for the Wisconsin Peer Specialist Program Manager)',
    headings: [
      h('Introduction', 40, 1),
      h('How to Use this Document', 52, 1, '3'),
      h('History of the Wisconsin Peer Specialist Employment Initiative', 62, 1, '4'),
      h('What is a Certified Peer Specialist?', 80, 1, '5'),
      h('What is the role of a Certified Peer Specialist?', 86, 1, '5'),
      h('Certified Peer Specialists as Change Agents', 106, 1, '6'),
      h("What makes Wisconsin's Certified Peer Specialists Unique?", 137, 1, '8'),
      h('Clarifying Certified Peer Specialist Services', 169, 1, '10'),
      h("Wisconsin's Working Definition of the Certified Peer Specialist", 213, 1, '14'),
      h('Wisconsin Certified Peer Specialist Core Competencies', 217, 1, '15'),
      h('Wisconsin Certified Peer Specialist Code of Ethics', 286, 1, '18'),
      h('Wisconsin Certified Peer Specialist Scope of Practice', 307, 1, '20'),
      h('Common Myths and Misconceptions about Peer Specialists', 375, 1, '24'),
      h('Embracing Change in the Workplace', 410, 1, '27'),
      h('Emerging Practice in Recruiting and Hiring a Peer Workforce', 418, 1, '27'),
      h('Recruiting/Job Posting', 447, 1, '28'),
      h('Interview', 463, 1, '29'),
      h('Living Wages and Benefits', 493, 1, '31'),
      h('Supervising and Supporting the Wisconsin Certified Peer Specialist', 501, 1, '32'),
      h('Certified Peer Specialist Supervision DHS-Approved Language February 2016', 507, 3),
      h('Supervision Meeting Tool', 542, 3),
      h('Professional Development of CPS Staff', 565, 1, '35'),
      h('CPS Recertification Requirements', 575, 1, '36'),
      h('Funding/Billing for Wisconsin Certified Peer Specialist Services', 607, 1, '38'),
      h("Frequently Asked Questions about Certified Peers (FAQ's)", 640, 1, '40'),
      h('Technical assistance', 672, 1, '42'),
    ],
  },
  'wi-cpps': {
    short: 'Wisconsin CPPS Guide',
    // The subtitle describes it as a guide for Wisconsin employers hiring, integrating and supporting CPPS services.
    title: 'Certified Parent Peer Specialists (CPPS) in the Workplace',
    author: 'Author not stated (written for the Wisconsin Peer Specialist Employment Initiative)',
    date: 'Year not stated',
    where: 'www.wicps.org (the guide gives www.wicps.org/about-us for the Wisconsin Peer Specialist Program Manager)',
    headings: [
      h('How to Use this Document', 39, 1, '3'),
      h('History of the Wisconsin Peer Specialist Employment Initiative', 51, 1, '4'),
      h('What is a Certified Parent Peer Specialist?', 63, 1, '5'),
      h("What makes Wisconsin's Certified Parent Peer Specialists Unique?", 133, 1),
      h("Wisconsin's Working Definition of the Certified Parent Peer Specialist", 199, 1, '15'),
      h('Wisconsin Certified Parent Peer Specialists Core Competencies', 218, 1, '16'),
      h('Wisconsin Certified Parent Peer Specialists Code of Ethics', 316, 1, '20'),
      h('Wisconsin Certified Parent Peer Specialist Scope of Practice', 350, 1, '22'),
      h('Embracing Change in the Workplace', 397, 1, '23'),
      h('Emerging Practice in Recruiting and Hiring a Parent Peer Workforce', 407, 1, '24'),
      h('Recruiting/Job Posting', 437, 1, '25'),
      h('Interview', 449, 1, '26'),
      h('Living Wages and Benefits', 480, 1, '28'),
      h('Supervising and Supporting the Wisconsin Certified Parent Peer Specialist', 494, 1),
      h('Certified Peer Specialist Supervision Approved Language February 2016', 502, 3),
      h('Professional Development of CPPS Staff', 532, 1),
      h('CPPS recertification requirements', 542, 1),
      h('Wisconsin Certified Parent Peer Specialists Continuing Education Requirements', 544, 2, '32'),
      h('Funding/Billing for Wisconsin Certified Peer Specialist Services', 558, 1, '33'),
    ],
  },
  'cw-m4': {
    short: 'Child Welfare Toolkit, Module 4',
    // Shortened with an ellipsis where the toolkit's full title runs on (…Involved with Child Welfare Services).
    title:
      'Module 4: Strategies for Developing the Peer Support Specialist Workforce, in Peer Support Specialist Programs for Families Affected by Substance Use …: A Four-Module Implementation Toolkit',
    author:
      "National Center on Substance Abuse and Child Welfare (NCSACW), supported by the Children's Bureau, Administration for Children and Families, and co-funded by SAMHSA",
    date: 'Year not stated',
    where: 'no web address in the text; the module gives NCSACW’s toll-free number, 866.493.2758, for training and technical assistance',
    headings: [
      h('Module 4: Strategies for Developing the Peer Support Specialist Workforce', 22, 1),
      h('Recruiting and Hiring Skilled Staff', 30, 2),
      h('Key Concept: It Is Critical That Peers Maintain Their Own Recovery', 38, 3),
      h('Qualifications', 52, 3),
      h('Background Checks', 62, 3),
      h('State Certifications', 70, 3),
      h('Key Concept: The Importance of Competencies Related to Child Welfare', 92, 3),
      h('Salary and Benefits', 98, 3),
      h('Staff Onboarding and Training', 104, 2),
      h('Staff Supervision and Support', 154, 2),
      h('Key Concept: Importance of Peers Setting Boundaries', 174, 3),
      h('Promoting Self-Care', 204, 3),
      h('Summary', 227, 2),
    ],
  },
} as const satisfies Record<string, SourceDoc>;

export type DocKey = keyof typeof SOURCES;
export const DOC_KEYS = Object.keys(SOURCES) as [DocKey, ...DocKey[]];

/** The lines of the text conversion the document has (for range checks). */
const DOC_END: Record<DocKey, number> = { handbook: 1404, cmpss: 931, 'wi-cps': 673, 'wi-cpps': 593, 'cw-m4': 255 };

export interface HeadingSpan {
  heading: Heading;
  /** First and last line the heading covers (up to the next heading at the same or a higher level). */
  first: number;
  last: number;
  /** The nearest heading at or above this one (itself or an enclosing heading) that has pages in the table of contents. */
  paged?: Heading;
  /**
   * When neither the heading nor any heading enclosing it has pages: the top-level heading it
   * sits in (itself, or the chapter the contents leave out) and the nearest earlier top-level
   * heading that has pages, so a reader knows where to look without being told a wrong page.
   */
  unlisted?: { top: Heading; follows: Heading };
}

const spans = new Map<DocKey, Map<string, HeadingSpan>>();

export function headingSpans(doc: DocKey): Map<string, HeadingSpan> {
  let out = spans.get(doc);
  if (out) return out;
  out = new Map();
  const hs: readonly Heading[] = SOURCES[doc].headings;
  hs.forEach((hd, i) => {
    const next = hs.slice(i + 1).find((n) => n.level <= hd.level);
    // The page is the heading's own, or that of the nearest heading enclosing it (walking up one
    // level at a time, so a parent without pages is never skipped for an earlier section's page).
    let paged: Heading | undefined;
    let top: Heading = hd;
    let cur = i;
    for (;;) {
      const c = hs[cur]!;
      if (c.pages) {
        paged = c;
        break;
      }
      top = c;
      let parent = -1;
      for (let j = cur - 1; j >= 0; j--) if (hs[j]!.level < c.level) {
        parent = j;
        break;
      }
      if (parent < 0) break;
      cur = parent;
    }
    let unlisted: HeadingSpan['unlisted'];
    if (!paged) {
      const topIndex = hs.indexOf(top);
      for (let j = topIndex - 1; j >= 0 && !unlisted; j--) if (hs[j]!.level === 1 && hs[j]!.pages) unlisted = { top, follows: hs[j]! };
    }
    out.set(hd.title, {
      heading: hd,
      first: hd.line,
      last: next ? next.line - 1 : DOC_END[doc],
      ...(paged ? { paged } : {}),
      ...(unlisted ? { unlisted } : {}),
    });
  });
  spans.set(doc, out);
  return out;
}

/** "p. 25" or "pp. 25–28". */
export function pageLabel(pages: string): string {
  const [a, b] = pages.split('-');
  return b ? `pp. ${a}–${b}` : `p. ${a}`;
}

/** The citation as a reader can follow it: document, section, and the pages from its table of contents. */
export function citationLabel(doc: DocKey, section: string): string {
  const src = SOURCES[doc];
  const span = headingSpans(doc).get(section);
  if (!span) return `${src.short}, ${section}`;
  const { heading, paged, unlisted } = span;
  if (paged === heading) return `${src.short}, ${heading.title}, ${pageLabel(paged.pages!)}`;
  if (paged) return `${src.short}, ${paged.title}, ${pageLabel(paged.pages!)}, section “${heading.title}”`;
  if (!unlisted) return `${src.short}, section “${heading.title}”`;
  const within = unlisted.top === heading ? '' : `, in “${unlisted.top.title}”`;
  return `${src.short}, section “${heading.title}”${within} (not in the contents; it follows ${unlisted.follows.title}, ${pageLabel(unlisted.follows.pages!)})`;
}

/** Why a citation does not fit the sources data, or undefined when it does. */
export function citationProblem(doc: DocKey, section: string, lines?: number | string): string | undefined {
  const span = headingSpans(doc).get(section);
  if (!span) return `"${section}" is not a heading of ${SOURCES[doc].short} (see src/core/sources.ts)`;
  if (lines === undefined) return undefined;
  const [a, b = a] = String(lines).split('-').map(Number) as [number, number?];
  if (a < span.first || b! > span.last)
    return `lines ${lines} lie outside "${section}" (lines ${span.first}-${span.last} of the text)`;
  return undefined;
}

export interface SourceEntry {
  short: string;
  title: string;
  author: string;
  date: string;
  where?: string;
}

/** The full entry for the Sources list. */
export function sourceEntry(doc: DocKey): SourceEntry {
  const s: SourceDoc = SOURCES[doc];
  return { short: s.short, title: s.title, author: s.author, date: s.date, ...(s.where ? { where: s.where } : {}) };
}

/** The documents a plan model cites, in the order above: every `source` string starts with a short name. */
export function citedSources(model: unknown): SourceEntry[] {
  const seen = new Set<string>();
  // Walked with for-in over the model's plain objects: no [key, value] pair made per field.
  const walk = (v: object): void => {
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') walk(x);
      return;
    }
    const o = v as Record<string, unknown>;
    for (const k in o) {
      if (!Object.hasOwn(o, k)) continue;
      const x = o[k];
      if (typeof x === 'string') {
        if (k === 'source') seen.add(x);
      } else if (x !== null && typeof x === 'object') walk(x);
    }
  };
  if (model !== null && typeof model === 'object') walk(model);
  const texts = [...seen];
  return DOC_KEYS.filter((d) => texts.some((t) => t.startsWith(`${SOURCES[d].short},`))).map(sourceEntry);
}

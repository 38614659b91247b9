// The organization profile: name, program type, start date, and whether the deadline is fixed.
// Also the two screens before it: resuming a saved assessment, and a name that is already saved.
import { Box, Text, useIsScreenReaderEnabled } from 'ink';
import { CLASH_CHOICES, FIXED_CHOICES, resumeChoices, unfinished, type SavedAssessment, itemsOf, instrumentsOf } from '../../core/wizard-state.js';
import { localStamp } from '../../core/local-time.js';
import { Tone } from '../theme.js';
import { legendEntry } from '../../core/wizard/bindings.js';
import { FieldView, Frame, Para, QUIT, SelectList, type Legend } from '../widgets.js';
import type { ScreenProps } from './types.js';

const SELECT_KEYS: Legend = [legendEntry(['up', 'down'], 'move'), legendEntry('choose', 'choose')];

function savedLine(r: SavedAssessment): string {
  return `${r.profile.name ?? r.id}: ${Object.keys(r.values).length}/${r.total} answered, last updated ${localStamp(r.updatedAt)}`;
}

export function ResumeScreen({ ctx, state }: ScreenProps) {
  const records = unfinished(ctx);
  const labels = resumeChoices(ctx).map((c, i) => (c.value === null ? c.label : savedLine(records[i]!)));
  return (
    <Frame title="Welcome back" message={state.message} legend={[...SELECT_KEYS, QUIT]}>
      <Text>You have unfinished assessments. Continue one, or start a new one:</Text>
      <Box marginTop={1}>
        <SelectList items={labels} cursor={state.cursor} />
      </Box>
    </Frame>
  );
}

function Step({ n, of = 4, question, hint }: { n: number; of?: number; question: string; hint?: string }) {
  const sr = useIsScreenReaderEnabled();
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Box>
        <Box flexShrink={0}>
          <Tone tone="muted">{sr ? `Step ${n} of ${of}:` : `Step ${n} of ${of} · `}</Tone>
        </Box>
        <Para bold text={question} />
      </Box>
      {hint ? <Para text={hint} /> : null}
    </Box>
  );
}

const back = (state: ScreenProps['state']): Legend => [state.fromReview ? legendEntry('backFromText', 'back to review') : legendEntry('back', 'back')];
/** On a text screen ← moves the text cursor, so only Esc goes back. */
const backFromText = (state: ScreenProps['state']): Legend => [legendEntry('backFromText', state.fromReview ? 'back to review' : 'back')];

function welcomeText(ctx: ScreenProps['ctx']): string {
  const counts = ctx.programs.map((c) => itemsOf(ctx, { profile: { programType: c.value } }).length);
  const [min, max] = [Math.min(...counts), Math.max(...counts)];
  const lists = ctx.programs.map((c) => instrumentsOf(ctx, { profile: { programType: c.value } }));
  const shared = lists[0]!.filter((q) => lists.every((l) => l.some((x) => x.id === q.id)));
  const roleParts = lists.some((l) => l.length > shared.length);
  return (
    `This wizard asks about your organization, then ${min === max ? min : `${min} to ${max}`} questions taken from the peer-support guides: ` +
    `${shared.map((q) => q.short).join(', ')}${roleParts ? ', and the requirements of your kind of peer role' : ''}. ` +
    'It then shows your results and writes a dated implementation plan that cites its sources.'
  );
}

export function WelcomeScreen({ ctx, state }: ScreenProps) {
  const canGoBack = !state.id && unfinished(ctx).length > 0;
  return (
    <Frame title="Get ready to hire peer support specialists" message={state.message} legend={[legendEntry('choose', 'begin'), ...(canGoBack ? [legendEntry('backFromText', 'back')] : []), QUIT]}>
      <Para text={welcomeText(ctx)} />
      <Box marginTop={1} flexDirection="column">
        <Para text={'Answer "Not sure" whenever you do not know; the plan turns those into follow-ups.'} />
        <Para text="Every answer is saved as you go: press Ctrl-C at any time and run peer-ready again to continue." />
      </Box>
    </Frame>
  );
}

export function NameScreen({ state }: ScreenProps) {
  return (
    <Frame title="Your organization" message={state.message} legend={[legendEntry('choose', 'next'), ...backFromText(state), QUIT]}>
      <Step n={2} question="What is your organization called?" hint="Saved progress is kept under this name." />
      <FieldView field={state.input} placeholder="e.g. Riverside Behavioral Health" />
    </Frame>
  );
}

export function ClashScreen({ ctx, state }: ScreenProps) {
  const sc = state.screen;
  const rec = sc.kind === 'clash' ? ctx.saved.find((r) => r.id === sc.id) : undefined;
  return (
    <Frame title="Your organization" message={state.message} legend={[...SELECT_KEYS, legendEntry('backFromText', 'back'), QUIT]}>
      <Text>There is already a saved assessment for this organization:</Text>
      <Text bold>{rec ? savedLine(rec) : ''}</Text>
      <Box marginTop={1}>
        <SelectList items={CLASH_CHOICES.map((c) => c.label)} cursor={state.cursor} />
      </Box>
    </Frame>
  );
}

export function ProgramScreen({ ctx, state }: ScreenProps) {
  const current = ctx.programs.findIndex((c) => c.value === state.profile.programType);
  return (
    <Frame title="Your organization" message={state.message} legend={[...SELECT_KEYS, ...back(state), QUIT]}>
      <Step n={1} question="Which kind of peer program are you preparing?" hint="It names the certification and guide that apply to you." />
      <SelectList items={ctx.programs.map((c) => c.label)} cursor={state.cursor} marked={current >= 0 ? current : undefined} />
    </Frame>
  );
}

export function StartScreen({ ctx, state }: ScreenProps) {
  return (
    <Frame title="Your organization" message={state.message} legend={[legendEntry('choose', 'next'), ...backFromText(state), QUIT]}>
      <Step
        n={3}
        question="When does the plan start (its month 1)?"
        hint={`A date written YYYY-MM-DD. Proposed: ${ctx.defaultStartDate}, the 1st of next month.`}
      />
      <FieldView field={state.input} />
    </Frame>
  );
}

export function FixedScreen({ state }: ScreenProps) {
  const p = state.profile.timelineFixed;
  return (
    <Frame title="Your organization" message={state.message} legend={[...SELECT_KEYS, ...back(state), QUIT]}>
      <Step
        n={4}
        question="Does a funder or another outside party set your deadline?"
        hint="If it does, the plan adds the handbook's ways to speed things up."
      />
      <SelectList items={FIXED_CHOICES.map((c) => c.label)} cursor={state.cursor} marked={p === undefined ? undefined : p ? 1 : 0} />
    </Frame>
  );
}


export function TargetScreen({ state }: ScreenProps) {
  return (
    <Frame title="Your organization" message={state.message} legend={[legendEntry('choose', 'next'), ...backFromText(state), QUIT]}>
      <Step
        n={5}
        of={5}
        question="Is there a date by which peers must be in post, or a date the funder set? (optional)"
        hint="A date written YYYY-MM-DD. Leave it empty if there is none; the plan then works from its start date."
      />
      <FieldView field={state.input} placeholder="no date" />
    </Frame>
  );
}

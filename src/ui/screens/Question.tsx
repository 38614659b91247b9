// An instrument's intro screen and the question screen (choices or free text, help, note).
import { Box, useStdout } from 'ink';
import { formatCitation } from '../../core/questionnaire.js';
import { answeredCount, itemChoices, itemsOf, instrumentsOf } from '../../core/wizard-state.js';
import { Tone } from '../theme.js';
import { FieldView, Frame, Labelled, Para, ProgressBar, QUIT, SelectList, type Legend } from '../widgets.js';
import type { ScreenProps } from './types.js';

function Progress({ ctx, state, line }: ScreenProps & { line: string }) {
  const { stdout } = useStdout();
  const width = Math.min(30, (stdout.columns || 80) - 22);
  return (
    <Box flexDirection="column">
      <Tone tone="muted">{line}</Tone>
      <ProgressBar done={answeredCount(ctx, state)} total={itemsOf(ctx, state).length} width={width} />
    </Box>
  );
}

export function IntroScreen({ ctx, state }: ScreenProps) {
  const sc = state.screen;
  if (sc.kind !== 'intro') return null;
  const q = instrumentsOf(ctx, state)[sc.index]!;
  const count = itemsOf(ctx, state).filter((x) => x.instrument === sc.index).length;
  const legend: Legend = [
    ['Enter/→', 'start'],
    ['Esc/←', 'back'],
    ['r', 'review answers'],
    QUIT,
  ];
  return (
    <Frame
      title={q.title}
      subtitle={<Progress ctx={ctx} state={state} line={`Part ${sc.index + 1} of ${instrumentsOf(ctx, state).length} · ${count} questions in ${q.sections.length} section${q.sections.length === 1 ? '' : 's'}`} />}
      message={state.message}
      legend={legend}
    >
      <Para text={q.intro} />
      <Box marginTop={1}>
        <Labelled label="Source:">{formatCitation(q.cite)}</Labelled>
      </Box>
    </Frame>
  );
}

export function QuestionScreen({ ctx, state }: ScreenProps) {
  const sc = state.screen;
  if (sc.kind !== 'question') return null;
  const { item, section, instrument, number, of } = itemsOf(ctx, state)[sc.index]!;
  const q = instrumentsOf(ctx, state)[instrument]!;
  const isText = item.type === 'text';
  const value = state.values[item.id];
  const note = state.notes[item.id];
  const back: [string, string] = [state.fromReview ? 'Esc' : isText ? 'Esc' : 'Esc/←', state.fromReview ? 'back to review' : 'back'];

  let legend: Legend;
  if (state.note) legend = [['Enter', 'save note'], ['Esc', 'cancel'], ['Ctrl-U', 'clear'], QUIT];
  else if (isText) legend = [['Enter', 'answer (may be blank)'], ['Tab', 'help & source'], ['Ctrl-N', 'note'], back, ['Ctrl-R', 'review'], QUIT];
  else {
    const n = itemChoices(item).length;
    legend = [['↑↓', 'move'], ['Enter', 'answer'], [`1-${n}`, 'pick'], ['?', 'help & source'], ['n', 'note'], back];
    if (value !== undefined && !state.fromReview) legend.push(['→', 'next']);
    legend.push(['r', 'review'], QUIT);
  }

  const choices = itemChoices(item);
  const marked = choices.findIndex((c) => c.value === value);
  return (
    <Frame
      title={`${q.short} › ${section.title}`}
      subtitle={<Progress ctx={ctx} state={state} line={`Question ${number} of ${of} in part ${instrument + 1} of ${instrumentsOf(ctx, state).length}`} />}
      message={state.message}
      legend={legend}
    >
      <Para bold text={item.text} />
      <Box marginTop={1} flexDirection="column">
        {state.note ? (
          <FieldView label="Note for this question (it goes into the plan):" field={state.note} placeholder="type your note" />
        ) : isText ? (
          <FieldView label="Your answer (free text; you may leave it blank):" field={state.input} />
        ) : (
          <SelectList items={choices.map((c) => c.label)} cursor={state.cursor} marked={marked >= 0 ? marked : undefined} />
        )}
      </Box>
      {note && !state.note ? (
        <Box marginTop={1}>
          <Labelled label="Note:">{note}</Labelled>
        </Box>
      ) : null}
      {state.help ? (
        <Box marginTop={1} flexDirection="column" borderStyle="round" paddingX={1}>
          <Para text={item.help ?? 'There is no further guidance for this question.'} />
          <Labelled label="Source:">{formatCitation(item.cite)}</Labelled>
        </Box>
      ) : null}
    </Frame>
  );
}

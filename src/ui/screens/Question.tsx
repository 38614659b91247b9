// An instrument's intro screen and the question screen (choices or free text, help, note).
import { Box, Text, useStdout } from 'ink';
import { formatCitation } from '../../core/questionnaire.js';
import { answeredCount, itemChoices, itemsOf, instrumentsOf, knownOwners } from '../../core/wizard-state.js';
import { legendEntry } from '../../core/wizard/bindings.js';
import { Tone } from '../theme.js';
import { FieldView, Frame, Labelled, Para, ProgressBar, QUIT, SelectList, type Legend } from '../widgets.js';
import type { ScreenProps } from './types.js';

function Progress({ ctx, state, line }: ScreenProps & { line: string }) {
  const stdout = useStdout().stdout as NodeJS.WriteStream; // Ink 8 types it as a plain stream; it is the TTY Ink renders to
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
  const legend: Legend = [legendEntry(['choose', 'forward'], 'start'), legendEntry('back', 'back'), legendEntry('review', 'review answers'), QUIT];
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
  const owner = state.owners[item.id];
  const back = state.fromReview ? legendEntry('backFromText', 'back to review') : legendEntry(isText ? 'backFromText' : 'back', 'back');

  let legend: Legend;
  if (state.note) legend = [legendEntry('choose', 'save note'), legendEntry('backFromText', 'cancel'), ['Ctrl-U', 'clear'], QUIT];
  else if (state.owner) {
    legend = [legendEntry('choose', 'save owner'), legendEntry('backFromText', 'cancel'), ['Ctrl-U', 'clear'], QUIT];
    if (knownOwners(ctx, state).length > 0) legend.splice(1, 0, legendEntry(['up', 'down'], 'pick a role', true));
  } else if (isText) {
    legend = [
      legendEntry('choose', 'answer (may be blank)'),
      legendEntry('helpWhileTyping', 'help & source', true),
      legendEntry('note', 'note', true),
      legendEntry('owner', 'owner', true),
      back,
      legendEntry('review', 'review', true),
      QUIT,
    ];
  } else {
    const n = itemChoices(item).length;
    legend = [legendEntry(['up', 'down'], 'move'), legendEntry('choose', 'answer'), [`1-${n}`, 'pick'], legendEntry('help', 'help & source'), legendEntry('note', 'note'), legendEntry('owner', 'owner'), back];
    if (value !== undefined && !state.fromReview) legend.push(legendEntry('forward', 'next'));
    legend.push(legendEntry('review', 'review'), QUIT);
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
        ) : state.owner ? (
          <OwnerEditor ctx={ctx} state={state} />
        ) : isText ? (
          <FieldView label="Your answer (free text; you may leave it blank):" field={state.input} />
        ) : (
          <SelectList items={choices.map((c) => c.label)} cursor={state.cursor} marked={marked >= 0 ? marked : undefined} />
        )}
      </Box>
      {(note && !state.note) || (owner && !state.owner) ? (
        <Box marginTop={1} flexDirection="column">
          {note && !state.note ? <Labelled label="Note:">{note}</Labelled> : null}
          {owner && !state.owner ? <Labelled label="Owner:">{owner}</Labelled> : null}
        </Box>
      ) : null}
      {state.help ? (
        <Box marginTop={1} flexDirection="column" borderStyle="round" paddingX={1}>
          <Labelled label="Help:">{item.help ?? 'There is no further guidance for this question.'}</Labelled>
          <Labelled label="Source:">{formatCitation(item.cite)}</Labelled>
        </Box>
      ) : null}
    </Frame>
  );
}

/** Who owns the work on this item: type a role, or pick one already used for this organization. */
export function OwnerEditor({ ctx, state }: ScreenProps) {
  const ed = state.owner!;
  const roles = knownOwners(ctx, state);
  return (
    <Box flexDirection="column">
      <FieldView label="Who owns this item's work? A role, e.g. HR director (it goes into the plan beside its tasks):" field={ed.input} placeholder="type a role" />
      {roles.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          <Text>Roles already used for this organization (↑↓ to pick one):</Text>
          <SelectList items={roles} cursor={ed.cursor} numbered={false} />
        </Box>
      ) : null}
    </Box>
  );
}

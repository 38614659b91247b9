// Saving: where to write the plan and the answers file, replacing existing files, and the end.
import { Box, Text } from 'ink';
import { OVERWRITE_CHOICES } from '../../core/wizard-state.js';
import { Tone } from '../theme.js';
import { FieldView, Frame, Labelled, QUIT, SelectList } from '../widgets.js';
import type { RunInfo, ScreenProps } from './types.js';

const FORMAT_NAMES = { md: 'Markdown', html: 'HTML', json: 'JSON', csv: 'CSV', ics: 'calendar, ICS' } as const;

export function PathsScreen({ ctx, state, run }: ScreenProps & { run: RunInfo }) {
  const sc = state.screen;
  if (sc.kind !== 'paths' || !state.paths) return null;
  const planLabel = `The plan (${FORMAT_NAMES[run.format]}):`;
  const answersLabel = 'Your answers (JSON, to make the plan again or update it later):';
  return (
    <Frame
      title="Save the plan"
      message={state.message}
      legend={[['Enter', sc.field === 'plan' ? 'accept, next' : 'save both'], ['Esc', 'back'], ['Ctrl-U', 'clear'], QUIT]}
    >
      <Tone tone="muted">
        {ctx.force
          ? 'Press Enter to accept each file name, or edit it first. --force: existing files are replaced.'
          : 'Press Enter to accept each file name, or edit it first. You are asked before a file is replaced.'}
      </Tone>
      <Box marginTop={1} flexDirection="column">
        {sc.field === 'plan' ? <FieldView label={planLabel} field={state.input} /> : <Labelled label={planLabel}>{state.paths.plan}</Labelled>}
      </Box>
      <Box marginTop={1} flexDirection="column">
        {sc.field === 'answers' ? (
          <FieldView label={answersLabel} field={state.input} />
        ) : (
          <Labelled label={answersLabel}>{state.paths.answers}</Labelled>
        )}
      </Box>
    </Frame>
  );
}

export function OverwriteScreen({ state }: ScreenProps) {
  const sc = state.screen;
  if (sc.kind !== 'overwrite') return null;
  return (
    <Frame title="Replace existing files?" message={state.message} legend={[['↑↓', 'move'], ['Enter', 'choose'], ['y/n', 'yes/no'], ['Esc', 'back'], QUIT]}>
      <Text>{sc.files.length === 1 ? 'This file already exists:' : 'These files already exist:'}</Text>
      {sc.files.map((f) => (
        <Text key={f} bold>{`  ${f}`}</Text>
      ))}
      <Box marginTop={1}>
        <SelectList items={OVERWRITE_CHOICES.map((c) => c.label)} cursor={state.cursor} />
      </Box>
    </Frame>
  );
}

export function SavingScreen() {
  return (
    <Frame title="Save the plan" legend={[QUIT]}>
      <Text>Writing the files…</Text>
    </Frame>
  );
}

/** The command that makes the same plan again, without questions. */
export function rerunCommand(files: { plan: string; answers: string }, run: RunInfo): string {
  const q = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return [
    'peer-ready --answers',
    q(files.answers),
    '--date',
    run.date,
    '--out',
    q(files.plan),
    '--force',
    ...(run.format !== 'md' ? ['--format', run.format] : []),
    ...(run.templates ? ['--templates', q(run.templates)] : []),
  ].join(' ');
}

export function SavedScreen({ state, run }: ScreenProps & { run: RunInfo }) {
  const sc = state.screen;
  if (sc.kind !== 'saved') return null;
  return (
    <Frame title="Saved" legend={[['Enter', 'finish']]}>
      <Tone tone="ok" bold>
        Your plan is ready.
      </Tone>
      <Box marginTop={1} flexDirection="column">
        <Labelled label="Plan:">{sc.plan}</Labelled>
        <Labelled label="Answers:">{sc.answers}</Labelled>
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text>To write the plan again from the answers file, without the questions (for example after editing it):</Text>
        <Text bold>{`  ${rerunCommand(sc, run)}`}</Text>
      </Box>
    </Frame>
  );
}

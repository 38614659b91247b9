// Saving: where to write the plan and the answers file, replacing existing files, and the end.
import { Box, Text } from 'ink';
import { OVERWRITE_CHOICES } from '../../core/wizard-state.js';
import { Tone } from '../theme.js';
import { legendEntry } from '../../core/wizard/bindings.js';
import { FieldView, Frame, PathText, QUIT, SelectList } from '../widgets.js';
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
      legend={[legendEntry('choose', sc.field === 'plan' ? 'accept, next' : 'save both'), legendEntry('backFromText', 'back'), ['Ctrl-U', 'clear'], QUIT]}
    >
      <Tone tone="muted">
        {ctx.force
          ? 'Press Enter to accept each file name, or edit it first. --force: existing files are replaced.'
          : 'Press Enter to accept each file name, or edit it first. You are asked before a file is replaced.'}
      </Tone>
      <Box marginTop={1} flexDirection="column">
        {sc.field === 'plan' ? <FieldView label={planLabel} field={state.input} /> : <FileLine label={planLabel} file={state.paths.plan} />}
      </Box>
      <Box marginTop={1} flexDirection="column">
        {sc.field === 'answers' ? (
          <FieldView label={answersLabel} field={state.input} />
        ) : (
          <FileLine label={answersLabel} file={state.paths.answers} />
        )}
      </Box>
    </Frame>
  );
}

export function OverwriteScreen({ state }: ScreenProps) {
  const sc = state.screen;
  if (sc.kind !== 'overwrite') return null;
  return (
    <Frame
      title="Replace existing files?"
      message={state.message}
      legend={[legendEntry(['up', 'down'], 'move'), legendEntry('choose', 'choose'), legendEntry(['yes', 'no'], 'yes/no'), legendEntry('backFromText', 'back'), QUIT]}
    >
      <Text>{sc.files.length === 1 ? 'This file already exists:' : 'These files already exist:'}</Text>
      {sc.files.map((f) => (
        <PathText key={f} text={f} bold indent={2} />
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
    run.command ?? 'peer-ready',
    '--answers',
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
    <Frame title="Saved" legend={[legendEntry('finish', 'finish')]}>
      <Tone tone="ok" bold>
        Your plan is ready.
      </Tone>
      <Box marginTop={1} flexDirection="column">
        <FileLine label="Plan:" file={sc.plan} />
        <FileLine label="Answers:" file={sc.answers} />
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text>To write the plan again from the answers file, without the questions (for example after editing it):</Text>
        <PathText text={rerunCommand(sc, run)} bold indent={2} />
      </Box>
    </Frame>
  );
}

/** A label, then the file name on its own line, wrapped only between folders. */
function FileLine({ label, file }: { label: string; file: string }) {
  return (
    <Box flexDirection="column">
      <Text>{label}</Text>
      <PathText text={file} indent={2} />
    </Box>
  );
}

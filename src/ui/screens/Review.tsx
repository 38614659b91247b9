// The review screen: every answer in one scrolling list, the highlighted one shown in full.
import { Box, Text, useStdout } from 'ink';
import { answerLabel, answeredCount, PROFILE_ROWS, profileValue, reviewRowCount, type ProfileRow, itemsOf, instrumentsOf } from '../../core/wizard-state.js';
import { Tone } from '../theme.js';
import { Frame, Labelled, QUIT } from '../widgets.js';
import type { ScreenProps } from './types.js';

const PROFILE_LABELS: Record<ProfileRow, string> = {
  name: 'Organisation',
  program: 'Program type',
  start: 'Plan starts',
  fixed: 'Deadline set by others',
};

interface Row {
  label: string;
  answer: string;
  detail: string;
  note?: string;
  missing: boolean;
}

function row(ctx: ScreenProps['ctx'], state: ScreenProps['state'], i: number): Row {
  if (i < PROFILE_ROWS.length) {
    const r = PROFILE_ROWS[i]!;
    const answer = profileValue(ctx, state.profile, r);
    return { label: PROFILE_LABELS[r], answer, detail: PROFILE_LABELS[r], missing: answer === '(not given)' };
  }
  const { item, instrument } = itemsOf(ctx, state)[i - PROFILE_ROWS.length]!;
  const value = state.values[item.id];
  return {
    label: item.text,
    answer: answerLabel(item, value),
    detail: `${instrumentsOf(ctx, state)[instrument]!.short}: ${item.text}`,
    note: state.notes[item.id],
    missing: value === undefined,
  };
}

export function ReviewScreen({ ctx, state }: ScreenProps) {
  const { stdout } = useStdout();
  const columns = stdout.columns || 80;
  const total = reviewRowCount(ctx, state);
  const visible = Math.max(3, Math.min(total, (stdout.rows || 24) - 19));
  const start = Math.max(0, Math.min(state.reviewCursor - Math.floor(visible / 2), total - visible));
  const answerWidth = Math.max(10, Math.min(28, Math.floor(columns * 0.3)));
  const current = row(ctx, state, state.reviewCursor);
  const answered = answeredCount(ctx, state);
  return (
    <Frame
      title="Review your answers"
      subtitle={<Tone tone="muted">{`${answered} of ${itemsOf(ctx, state).length} questions answered · row ${state.reviewCursor + 1} of ${total}`}</Tone>}
      message={state.message}
      legend={[['↑↓ PgUp PgDn', 'move'], ['Enter', 'change'], ['c/→', 'continue to results'], ['Esc', 'back'], QUIT]}
    >
      <Box flexDirection="column">
        {start > 0 ? <Tone tone="muted">{`  ↑ ${start} more`}</Tone> : <Text> </Text>}
        {Array.from({ length: visible }, (_, k) => {
          const i = start + k;
          const r = row(ctx, state, i);
          const on = i === state.reviewCursor;
          return (
            <Box key={i}>
              <Box width={2} flexShrink={0}>
                <Tone tone="accent">{on ? '❯' : ' '}</Tone>
              </Box>
              <Box flexGrow={1} flexShrink={1}>
                <Text wrap="truncate-end" bold={on}>
                  {r.label}
                </Text>
              </Box>
              <Box width={answerWidth} flexShrink={0} marginLeft={1}>
                {r.missing ? (
                  <Tone tone="warn">{r.answer}</Tone>
                ) : (
                  <Text wrap="truncate-end">{`${r.answer}${r.note ? ' ✎' : ''}`}</Text>
                )}
              </Box>
            </Box>
          );
        })}
        {start + visible < total ? <Tone tone="muted">{`  ↓ ${total - start - visible} more`}</Tone> : <Text> </Text>}
      </Box>
      <Box marginTop={1} flexDirection="column" borderStyle="round" paddingX={1}>
        <Text bold>{current.detail}</Text>
        <Labelled label="Answer:">{current.answer}</Labelled>
        {current.note ? <Labelled label="Note:">{current.note}</Labelled> : null}
      </Box>
    </Frame>
  );
}

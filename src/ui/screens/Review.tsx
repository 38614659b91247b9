// The review screen: every answer, grouped by instrument and section under headers, with counts
// by status; jump to the next unanswered or "Not sure" item, or filter by typing (/).
import { Box, Text, useIsScreenReaderEnabled, useStdout } from 'ink';
import { legendEntry } from '../../core/wizard/bindings.js';
import { knownOwners, PROFILE_ROWS, reviewRow, reviewRows, statusCounts, visibleRows, type ReviewRow } from '../../core/wizard-state.js';
import { Tone } from '../theme.js';
import { FieldView, Frame, Labelled, legendLines, linesAt, Para, QUIT, type Legend } from '../widgets.js';
import { OwnerEditor } from './Question.js';
import type { ScreenProps } from './types.js';

/** Room for a header's count ("12/25 answered"). */
const COUNT_WIDTH = 14;

/** The lines of the list: a header wherever the group changes, then the rows. */
type Line = { header: string; count: string } | { row: ReviewRow };

function linesOf(rows: readonly ReviewRow[], all: readonly ReviewRow[]): Line[] {
  const out: Line[] = [];
  let group: string | undefined;
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      const inGroup = all.filter((x) => x.group === group);
      const answered = inGroup.filter((x) => x.status !== 'unanswered').length;
      out.push({ header: group, count: `${answered}/${inGroup.length}` });
    }
    out.push({ row: r });
  }
  return out;
}

export function ReviewScreen({ ctx, state }: ScreenProps) {
  const stdout = useStdout().stdout as NodeJS.WriteStream; // Ink 8 types it as a plain stream; it is the TTY Ink renders to
  const sr = useIsScreenReaderEnabled();
  const columns = stdout.columns || 80;
  const all = reviewRows(ctx, state);
  const rows = visibleRows(ctx, state);
  const counts = statusCounts(all);
  const filter = state.reviewFilter.text;
  const lines = linesOf(rows, all);
  const at = Math.max(0, lines.findIndex((l) => 'row' in l && l.row.index === state.reviewCursor));
  const current = rows.some((r) => r.index === state.reviewCursor) ? reviewRow(ctx, state, state.reviewCursor) : undefined;

  const legend: Legend = state.owner
    ? [legendEntry('choose', 'save owner'), legendEntry(['up', 'down'], 'pick a role', true), legendEntry('backFromText', 'cancel'), ['Ctrl-U', 'clear'], QUIT]
    : state.filtering
    ? [legendEntry(['up', 'down'], 'move', true), legendEntry('choose', 'done typing'), legendEntry('backFromText', 'clear filter'), QUIT]
    : [
        legendEntry(['up', 'down'], 'move'),
        legendEntry(['pageUp', 'pageDown'], 'page'),
        legendEntry('choose', 'change'),
        legendEntry('owner', 'owner'),
        legendEntry('nextOpen', 'next open item'),
        legendEntry('filter', 'filter'),
        legendEntry('toResults', 'continue to results'),
        legendEntry('backFromText', filter ? 'clear filter' : 'back'),
        QUIT,
      ];
  const summary =
    `${counts.answered + counts.notSure} of ${all.length - PROFILE_ROWS.length} questions answered · ${counts.notSure} not sure · ${counts.unanswered} unanswered` +
    (filter ? ` · ${rows.length} row${rows.length === 1 ? '' : 's'} match` : '');

  // Everything but the list, in lines, so the whole screen fits the terminal's height.
  const inner = columns - 4;
  const roles = state.owner ? knownOwners(ctx, state).length : 0;
  const detail = state.owner && current
    ? linesAt(current.label, columns) +
      linesAt("Who owns this item's work? A role, e.g. HR director (it goes into the plan beside its tasks):", columns) +
      1 +
      (roles ? 1 + linesAt('Roles already used for this organization (↑↓ to pick one):', columns) + roles : 0)
    : current
    ? 2 + linesAt(current.flat ? `${current.group} · ${current.flat.item.id}` : 'Organization', inner) + linesAt(current.label, inner) +
      linesAt(`Answer: ${current.answer}`, inner) + (current.note ? linesAt(`Note: ${current.note}`, inner) : 0) + (current.owner ? linesAt(`Owner: ${current.owner}`, inner) : 0)
    : 0;
  const filterLines = state.filtering ? 1 + linesAt('Filter (words in the question, answer, section, id, note or owner):', columns) + 1 : filter ? 2 : 0;
  const fixed = 1 + linesAt(summary, columns) + 1 + filterLines + 2 + (current ? 1 + detail : 0) + (state.message ? 1 + linesAt(state.message, columns) : 0) + 1 + legendLines(legend, columns);
  // The window of list lines: the highlighted row, then as many lines around it as fit. Each line
  // is one terminal line, except in screen-reader mode, where rows are sentences that wrap.
  // Group headers wrap (section names are never cut short) beside their count.
  const height = (l: Line) =>
    sr ? linesAt('header' in l ? `Group: ${l.header} ${l.count} answered` : srRow(l.row, true), columns) : 'header' in l ? linesAt(l.header, columns - COUNT_WIDTH - 1) : 1;
  let budget = Math.max(3, (stdout.rows || 24) - fixed - 1);
  let start = at;
  let end = at; // exclusive
  const take = (i: number) => {
    const h = height(lines[i]!);
    if (h > budget && end > start) return false;
    budget -= h;
    return true;
  };
  if (lines.length > 0 && take(at)) end = at + 1;
  // Keep the highlighted row's header in view when it is just above.
  if (start > 0 && 'header' in lines[start - 1]! && take(start - 1)) start--;
  for (let grew = true; grew; ) {
    grew = false;
    if (end < lines.length && take(end)) (end++, (grew = true));
    if (start > 0 && take(start - 1)) (start--, (grew = true));
  }
  const visible = end - start;
  const answerWidth = Math.max(10, Math.min(28, Math.floor(columns * 0.3)));

  const window = lines.slice(start, start + visible);
  return (
    <Frame title="Review your answers" subtitle={<Para text={summary} />} message={state.message} legend={legend}>
      {state.filtering || filter ? (
        <Box marginBottom={1} flexDirection="column">
          {state.filtering ? <FieldView label="Filter (words in the question, answer, section, id, note or owner):" field={state.reviewFilter} /> : <Text>{`Filter: ${filter}`}</Text>}
        </Box>
      ) : null}
      <Box flexDirection="column">
        {start > 0 ? <Tone tone="muted">{`  ↑ ${start} more line${start === 1 ? '' : 's'}`}</Tone> : sr ? null : <Text> </Text>}
        {rows.length === 0 ? <Text>No question matches the filter.</Text> : null}
        {window.map((l, k) =>
          'header' in l ? (
            <Box key={`h${start + k}`}>
              <Box flexGrow={1} flexShrink={1}>
                {sr ? <Text bold>{`Group: ${l.header}`}</Text> : <Para bold text={l.header} />}
              </Box>
              <Box flexShrink={0} marginLeft={1} width={sr ? undefined : COUNT_WIDTH} justifyContent="flex-end">
                <Tone tone="muted">{`${l.count} answered`}</Tone>
              </Box>
            </Box>
          ) : (
            <RowLine key={l.row.index} row={l.row} on={l.row.index === state.reviewCursor} answerWidth={answerWidth} sr={sr} />
          ),
        )}
        {start + visible < lines.length ? <Tone tone="muted">{`  ↓ ${lines.length - start - visible} more line${lines.length - start - visible === 1 ? '' : 's'}`}</Tone> : sr ? null : <Text> </Text>}
      </Box>
      {state.owner && current ? (
        <Box marginTop={1} flexDirection="column">
          <Para bold text={current.label} />
          <OwnerEditor ctx={ctx} state={state} />
        </Box>
      ) : current ? (
        <Box marginTop={1} flexDirection="column" borderStyle="round" paddingX={1}>
          <Para text={current.flat ? `${current.group} · ${current.flat.item.id}` : 'Organization'} />
          <Para bold text={current.label} />
          <Labelled label="Answer:">{current.answer}</Labelled>
          {current.note ? <Labelled label="Note:">{current.note}</Labelled> : null}
          {current.owner ? <Labelled label="Owner:">{current.owner}</Labelled> : null}
        </Box>
      ) : null}
    </Frame>
  );
}

function RowLine({ row, on, answerWidth, sr }: { row: ReviewRow; on: boolean; answerWidth: number; sr: boolean }) {
  if (sr) return <Text>{srRow(row, on)}</Text>;
  const mark = row.status !== 'answered';
  return (
    <Box>
      <Box width={2} flexShrink={0}>
        <Tone tone="accent">{on ? '❯' : ' '}</Tone>
      </Box>
      <Box flexGrow={1} flexShrink={1}>
        <Text wrap="truncate-end" bold={on}>
          {row.label}
        </Text>
      </Box>
      <Box width={answerWidth} flexShrink={0} marginLeft={1}>
        {mark ? (
          <Tone tone="warn">{row.answer}</Tone>
        ) : (
          <Text wrap="truncate-end">{`${row.answer}${row.note ? ' +note' : ''}${row.owner ? ' +owner' : ''}`}</Text>
        )}
      </Box>
    </Box>
  );
}

/** A review row as one sentence, for screen readers. */
function srRow(row: ReviewRow, on: boolean): string {
  const extra = [row.note ? 'note' : '', row.owner ? `owner: ${row.owner}` : ''].filter(Boolean).join(', ');
  const label = /[.?!:]$/.test(row.label) ? row.label : `${row.label}.`;
  return `${on ? 'Highlighted: ' : ''}${label} Answer: ${row.answer}${extra ? ` (${extra})` : ''}.`;
}

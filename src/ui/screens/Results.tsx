// The results: the timeline band and why, the section scores, the top gaps. Three views, so
// each fits a small terminal.
import { useMemo } from 'react';
import { Box, Text, useIsScreenReaderEnabled, useStdout } from 'ink';
import { legendEntry } from '../../core/wizard/bindings.js';
import { planModel } from '../../core/plan-document.js';
import type { PlanModel } from '../../core/plan.js';
import { RESULTS_PANES, toAssessment } from '../../core/wizard-state.js';
import { Tone } from '../theme.js';
import { Frame, Labelled, legendLines, linesAt, Para, QUIT, type Legend } from '../widgets.js';

const RESULTS_LEGEND: Legend = [legendEntry(['nextPane', 'previousPane'], 'switch view'), legendEntry('choose', 'save the plan'), legendEntry('backFromText', 'back to review'), QUIT];
import type { RunInfo, ScreenProps } from './types.js';

function Timeline({ plan }: { plan: PlanModel }) {
  const t = plan.timeline;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{`Timeline: ${t.label}`}</Text>
        <Text>{` (${t.minimum ? 'at least ' : ''}${t.months} months: ${plan.org.startLabel} to ${t.endLabel})`}</Text>
      </Text>
      <Box marginTop={1}>
        <Para text={t.why} />
      </Box>
      {t.decision ? (
        <Box marginTop={1}>
          <Para text={t.decision} />
        </Box>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        <Text>{`${t.trueCount} of ${t.total} timeline statements are true${t.notSure ? ` (${t.notSure} not sure, counted as not true)` : ''}.`}</Text>
        <Labelled label="Source:">{t.source}</Labelled>
        {t.fixed ? <Text>Your deadline is set by others, so the plan also lists ways to speed things up.</Text> : null}
      </Box>
    </Box>
  );
}

function Sections({ plan, columns }: { plan: PlanModel; columns: number }) {
  const right = 24;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{`Overall readiness: ${plan.overall.percent}% · ${plan.overall.label}`}</Text>
      </Text>
      <Box marginTop={1} flexDirection="column">
        {plan.sections.map((s, i) => (
          <Box key={i}>
            <Box flexGrow={1} flexShrink={1}>
              <Para text={`${s.instrument}: ${s.title}`} />
            </Box>
            <Box width={Math.min(right, columns - 20)} flexShrink={0} marginLeft={1}>
              <Text>{`${String(s.tally.percent).padStart(3)}% ${s.tally.label}`}</Text>
            </Box>
          </Box>
        ))}
      </Box>
      <Box marginTop={1}>
        <Tone tone="muted">{plan.readinessRule}</Tone>
      </Box>
    </Box>
  );
}

function Gaps({ plan, rows, columns }: { plan: PlanModel; rows: number; columns: number }) {
  const seen = new Set<string>();
  const firsts = plan.actions.filter((a) => (seen.has(a.itemId) ? false : (seen.add(a.itemId), true)));
  if (firsts.length === 0) return <Text>No gaps: every readiness item is met.</Text>;
  // As many gaps as fit under the header: title and tabs, the heading, the legend, margins.
  const heading = (n: number) => `The first steps of your plan (${plan.actions.length} actions for ${seen.size} gaps in all; ${n} shown):`;
  const legendRows = legendLines(RESULTS_LEGEND, columns);
  const shown: typeof firsts = [];
  let used = 0;
  for (const a of firsts.slice(0, 5)) {
    const lead = `${shown.length + 1}. ${a.monthLabel}: `.length;
    const need =
      1 +
      linesAt(a.text, columns - lead) +
      linesAt(a.question, columns - 3 - a.statusLabel.length - 2) +
      linesAt(a.source, columns - 3 - 'Source: '.length);
    const budget = rows - (3 + linesAt(heading(shown.length + 1), columns) + 1 + legendRows) - 1;
    if (shown.length > 0 && used + need > budget) break;
    shown.push(a);
    used += need;
  }
  return (
    <Box flexDirection="column">
      <Para bold text={heading(shown.length)} />
      {shown.map((a, i) => (
        <Box key={a.itemId} marginTop={1} flexDirection="column">
          <Box>
            <Box flexShrink={0}>
              <Text bold>{`${i + 1}. ${a.monthLabel}: `}</Text>
            </Box>
            <Para text={a.text} />
          </Box>
          <Box marginLeft={3} flexDirection="column">
            <Labelled label={`${a.statusLabel}:`}>{a.question}</Labelled>
            <Labelled label="Source:">{a.source}</Labelled>
          </Box>
        </Box>
      ))}
    </Box>
  );
}

export function ResultsScreen({ ctx, state, run }: ScreenProps & { run: RunInfo }) {
  const stdout = useStdout().stdout as NodeJS.WriteStream; // Ink 8 types it as a plain stream; it is the TTY Ink renders to
  const assessment = useMemo(() => toAssessment(ctx, state), [ctx, state.values, state.notes, state.profile]);
  const plan = useMemo(
    () => (assessment ? planModel(run.catalog, { ...assessment, assessedOn: run.date }, run.date) : undefined),
    [assessment, run],
  );
  if (!plan) return null;
  const pane = state.resultsPane;
  return (
    <Frame
      title={`Results for ${plan.org.name}`}
      subtitle={<Tabs pane={pane} />}
      message={state.message}
      legend={RESULTS_LEGEND}
    >
      {pane === 0 ? <Timeline plan={plan} /> : pane === 1 ? <Sections plan={plan} columns={stdout.columns || 80} /> : <Gaps plan={plan} rows={stdout.rows || 24} columns={stdout.columns || 80} />}
    </Frame>
  );
}

/** The three views as tabs; in screen-reader mode, in words. */
function Tabs({ pane }: { pane: number }) {
  const sr = useIsScreenReaderEnabled();
  if (sr) return <Text>{`View ${pane + 1} of ${RESULTS_PANES.length}: ${RESULTS_PANES[pane]}. The others: ${RESULTS_PANES.filter((_, i) => i !== pane).join(', ')}.`}</Text>;
  return (
    <Text>
      {RESULTS_PANES.map((p, i) => (
        <Text key={p}>
          {i > 0 ? ' │ ' : ''}
          {i === pane ? <Tone tone="accent" bold>{`[${p}]`}</Tone> : <Tone tone="muted">{` ${p} `}</Tone>}
        </Text>
      ))}
    </Text>
  );
}

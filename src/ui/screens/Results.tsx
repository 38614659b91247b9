// The results: the timeline band and why, the section scores, the top gaps. Three views, so
// each fits a small terminal.
import { useMemo } from 'react';
import { Box, Text, useStdout } from 'ink';
import { planModel } from '../../core/plan-document.js';
import type { PlanModel } from '../../core/plan.js';
import { RESULTS_PANES, toAssessment } from '../../core/wizard-state.js';
import { Tone } from '../theme.js';
import { Frame, Labelled, Para, QUIT } from '../widgets.js';
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
              <Text wrap="truncate-end">{`${s.instrument}: ${s.title}`}</Text>
            </Box>
            <Box width={Math.min(right, columns - 20)} flexShrink={0} marginLeft={1}>
              <Text wrap="truncate-end">{`${String(s.tally.percent).padStart(3)}% ${s.tally.label}`}</Text>
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

function Gaps({ plan, rows }: { plan: PlanModel; rows: number }) {
  const seen = new Set<string>();
  const firsts = plan.actions.filter((a) => (seen.has(a.itemId) ? false : (seen.add(a.itemId), true)));
  const shown = firsts.slice(0, rows >= 36 ? 5 : 3);
  if (shown.length === 0) return <Text>No gaps: every readiness item is met.</Text>;
  return (
    <Box flexDirection="column">
      <Text bold>{`The first steps of your plan (${plan.actions.length} actions for ${seen.size} gaps in all):`}</Text>
      {shown.map((a, i) => (
        <Box key={a.itemId} marginTop={1} flexDirection="column">
          <Text>
            <Text bold>{`${i + 1}. ${a.monthLabel}: `}</Text>
            <Text>{a.text}</Text>
          </Text>
          <Tone tone="muted">{`   ${a.statusLabel}: ${a.question}`}</Tone>
          <Tone tone="muted">{`   Source: ${a.source}`}</Tone>
        </Box>
      ))}
    </Box>
  );
}

export function ResultsScreen({ ctx, state, run }: ScreenProps & { run: RunInfo }) {
  const { stdout } = useStdout();
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
      subtitle={
        <Text>
          {RESULTS_PANES.map((p, i) => (
            <Text key={p}>
              {i > 0 ? ' │ ' : ''}
              {i === pane ? (
                <Tone tone="accent" bold>{`[${p}]`}</Tone>
              ) : (
                <Tone tone="muted">{` ${p} `}</Tone>
              )}
            </Text>
          ))}
        </Text>
      }
      message={state.message}
      legend={[['Tab/→ ←', 'switch view'], ['Enter', 'save the plan'], ['Esc', 'back to review'], QUIT]}
    >
      {pane === 0 ? <Timeline plan={plan} /> : pane === 1 ? <Sections plan={plan} columns={stdout.columns || 80} /> : <Gaps plan={plan} rows={stdout.rows || 24} />}
    </Frame>
  );
}

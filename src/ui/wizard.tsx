// The wizard: reads keys, feeds them to the state machine, draws the current screen.
import { useCallback, useEffect, useMemo, useRef, type MutableRefObject } from 'react';
import { Box, Text, useInput, useStdin, type Key as InkKey } from 'ink';
import { guardKeyInput } from '../io/key-input.js';
import { KeyReader } from '../core/wizard/keys.js';
import { ColorContext } from './theme.js';
import { useWizard, type WizardDeps } from './use-wizard.js';
import { ClashScreen, FixedScreen, NameScreen, ProgramScreen, ResumeScreen, StartScreen, TargetScreen, WelcomeScreen } from './screens/Profile.js';
import { IntroScreen, QuestionScreen } from './screens/Question.js';
import { ReviewScreen } from './screens/Review.js';
import { ResultsScreen } from './screens/Results.js';
import { OverwriteScreen, PathsScreen, SavedScreen, SavingScreen } from './screens/Save.js';
import type { RunInfo, ScreenProps } from './screens/types.js';

export interface WizardProps {
  deps: WizardDeps;
  run: RunInfo;
  color?: boolean;
  /** Set to a function that interrupts the wizard (saving progress), for signal handlers. */
  interruptRef?: MutableRefObject<(() => void) | undefined>;
}

export function Wizard({ deps, run, color = true, interruptRef }: WizardProps) {
  const { state, dispatch } = useWizard(deps);
  const reader = useRef(new KeyReader());
  // Escape sequences that are not keys (a pasted ESC[31m) crash Ink 6.8; drop them before it reads them.
  const { stdin } = useStdin();
  useMemo(() => guardKeyInput(stdin), [stdin]);

  const onInput = useCallback(
    (input: string, key: InkKey) => {
      for (const k of reader.current.read(input, key)) dispatch({ type: 'key', key: k });
    },
    [dispatch],
  );
  useInput(onInput);

  useEffect(() => {
    if (interruptRef) interruptRef.current = () => dispatch({ type: 'interrupt' });
    return () => {
      if (interruptRef) interruptRef.current = undefined;
    };
  }, [dispatch]);

  return (
    <ColorContext.Provider value={color}>
      <Screen ctx={deps.ctx} state={state} run={run} quitText={deps.quitText} />
    </ColorContext.Provider>
  );
}

function Screen({ ctx, state, run, quitText }: ScreenProps & { run: RunInfo; quitText?: WizardDeps['quitText'] }) {
  const props = { ctx, state };
  switch (state.screen.kind) {
    case 'resume':
      return <ResumeScreen {...props} />;
    case 'welcome':
      return <WelcomeScreen {...props} />;
    case 'name':
      return <NameScreen {...props} />;
    case 'clash':
      return <ClashScreen {...props} />;
    case 'program':
      return <ProgramScreen {...props} />;
    case 'start':
      return <StartScreen {...props} />;
    case 'fixed':
      return <FixedScreen {...props} />;
    case 'target':
      return <TargetScreen {...props} />;
    case 'intro':
      return <IntroScreen {...props} />;
    case 'question':
      return <QuestionScreen {...props} />;
    case 'review':
      return <ReviewScreen {...props} />;
    case 'results':
      return <ResultsScreen {...props} run={run} />;
    case 'paths':
      return <PathsScreen {...props} run={run} />;
    case 'overwrite':
      return <OverwriteScreen {...props} />;
    case 'saving':
      return <SavingScreen />;
    case 'saved':
      return <SavedScreen {...props} run={run} />;
    case 'quit':
      return (
        <Box marginTop={1}>
          <Text>
            {quitText
              ? quitText(state)
              : state.id
              ? `Your answers for ${state.profile.name ?? state.id} are saved. Run ${run.command ?? 'peer-ready'} again to continue where you left off.`
              : 'Stopped. Nothing was saved (no organization had been named yet).'}
          </Text>
        </Box>
      );
  }
}

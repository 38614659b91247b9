// Runs the wizard's state machine inside React. The state lives in a ref and every event is
// applied to the latest state synchronously, in order, so keys that arrive in one chunk (a
// paste, tmux send-keys, fast typing) each see the result of the one before. React only draws.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { WizardDeps, WriteEffect } from '../core/wizard-deps.js';
import { step, type WizardEvent, type WizardState } from '../core/wizard-state.js';

export type { WizardDeps, WriteEffect };

export function useWizard(deps: WizardDeps): { state: WizardState; dispatch: (event: WizardEvent) => void } {
  const depsRef = useRef(deps);
  depsRef.current = deps;
  const stateRef = useRef(deps.initial);
  const exited = useRef(false);
  const [state, setState] = useState(deps.initial);
  const [exitCode, setExitCode] = useState<number>();

  // Exit only once the last frame (e.g. "your answers are saved") has been drawn: layout effects
  // run after Ink has written the committed frame, without waiting for the passive-effect queue.
  useLayoutEffect(() => {
    if (exitCode !== undefined) depsRef.current.exit(exitCode);
  }, [exitCode]);

  const dispatch = useCallback((event: WizardEvent) => {
    if (exited.current) return;
    const d = depsRef.current;
    const r = step(d.ctx, stateRef.current, event);
    let next = r.state;
    let exitCode: number | undefined;
    for (const fx of r.effects) {
      if (fx.type === 'persist') {
        const problem = d.persist(next);
        if (problem) next = { ...next, message: problem };
      } else if (fx.type === 'write') {
        void d.write(next, fx).then(dispatch);
      } else {
        exitCode = fx.code;
      }
    }
    stateRef.current = next;
    setState(next);
    if (exitCode !== undefined) {
      exited.current = true;
      setExitCode(exitCode);
    }
  }, []);

  return { state, dispatch };
}

import type { RunInfo } from '../../core/wizard-deps.js';
import type { WizardContext, WizardState } from '../../core/wizard-state.js';

export interface ScreenProps {
  ctx: WizardContext;
  state: WizardState;
}

export type { RunInfo };

// One table between the keys and the reducer: each intent (what the user means) and the keys
// that say it. The reducer asks `is(intent, key, typing)`, never for a key by name; the screens'
// key legends are built from the same table, so a key changed here changes both.
// (Modelled on Gemini CLI's ui/key/keyBindings.ts and keyMatchers.ts.)
import type { Key, KeyName } from './keys.js';

export interface Binding {
  /** The key's name; `char` with `ch` for a character. */
  name: KeyName;
  ch?: string;
  ctrl?: boolean;
  /** Shown in legends unless hidden (alternatives such as j/k). */
  label?: string;
  hidden?: boolean;
}

const k = (name: KeyName, label: string, hidden = false): Binding => ({ name, label, hidden });
const ch = (c: string, hidden = false): Binding => ({ name: 'char', ch: c, label: c, hidden });
const ctrlCh = (c: string, hidden = false): Binding => ({ name: 'char', ch: c, ctrl: true, label: `Ctrl-${c.toUpperCase()}`, hidden });

export const BINDINGS = {
  up: [k('up', '↑'), ch('k', true)],
  down: [k('down', '↓'), ch('j', true)],
  pageUp: [k('pageup', 'PgUp')],
  pageDown: [k('pagedown', 'PgDn')],
  first: [k('home', 'Home', true)],
  last: [k('end', 'End', true)],
  choose: [k('return', 'Enter')],
  /** Move on (intro, welcome, an answered question). */
  forward: [k('right', '→')],
  back: [k('escape', 'Esc'), k('left', '←')],
  /** Back from a text field: ← moves the cursor there. */
  backFromText: [k('escape', 'Esc')],
  help: [k('tab', 'Tab', true), ch('?')],
  /** Help on a free-text question, where ? is text. */
  helpWhileTyping: [k('tab', 'Tab')],
  note: [ch('n'), ctrlCh('n')],
  owner: [ch('o'), ctrlCh('o')],
  review: [ch('r'), ctrlCh('r')],
  toResults: [ch('c'), k('right', '→')],
  nextPane: [k('tab', 'Tab'), k('right', '→')],
  previousPane: [k('backtab', 'Shift-Tab', true), k('left', '←')],
  nextOpen: [k('tab', 'Tab'), ch('u')],
  previousOpen: [k('backtab', 'Shift-Tab'), ch('U', true)],
  filter: [ch('/')],
  yes: [ch('y'), ch('Y', true)],
  no: [ch('n'), ch('N', true)],
  finish: [k('return', 'Enter'), k('escape', 'Esc', true), ch('q', true)],
  quit: [ctrlCh('c')],
} satisfies Record<string, Binding[]>;

export type Intent = keyof typeof BINDINGS;

/**
 * Whether `key` says `intent`. While the user is typing text, plain characters are text, so only
 * a binding that is not a plain character (an arrow, Enter, a Ctrl combination) counts.
 */
export function is(intent: Intent, key: Key, typing = false): boolean {
  return BINDINGS[intent].some((b: Binding) => matches(b, key, typing));
}

function matches(b: Binding, key: Key, typing: boolean): boolean {
  if (b.name !== key.name) return false;
  if (b.name !== 'char') return true;
  if (!!b.ctrl !== !!key.ctrl) return false;
  if (!b.ctrl && typing) return false;
  return b.ch === key.ch;
}

/** A digit 1–9 typed to pick a row directly (not while typing); its 0-based row, else undefined. */
export function pickedRow(key: Key, count: number, typing = false): number | undefined {
  if (typing || key.name !== 'char' || key.ctrl || !key.ch || !/^[1-9]$/.test(key.ch)) return undefined;
  const n = Number(key.ch);
  return n <= count ? n - 1 : undefined;
}

/** The keys of one or more intents as a legend shows them: "↑↓", "Esc/←", "n" or "Ctrl-N" when typing. */
export function keysLabel(intents: Intent | readonly Intent[], typing = false): string {
  const list = typeof intents === 'string' ? [intents] : intents;
  const one = (i: Intent) =>
    BINDINGS[i]
      .filter((b: Binding) => !b.hidden && !(typing && b.name === 'char' && !b.ctrl) && !(!typing && b.ctrl && BINDINGS[i].some((o: Binding) => o.name === 'char' && !o.ctrl && o.ch === b.ch)))
      .map((b: Binding) => b.label!)
      .join('/');
  // Several intents that each have one arrow read best run together ("↑↓"); others with a space.
  const parts = list.map(one).filter(Boolean);
  return parts.every((p) => /^[↑↓←→]$/.test(p)) ? parts.join('') : parts.join(' ');
}

/** One legend entry: the keys, and what they do. */
export type LegendEntry = [keys: string, action: string];

export const legendEntry = (intents: Intent | readonly Intent[], action: string, typing = false): LegendEntry => [keysLabel(intents, typing), action];

export const QUIT_ENTRY: LegendEntry = legendEntry('quit', 'save & quit');

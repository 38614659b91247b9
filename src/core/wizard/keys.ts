// Keys for the wizard, independent of the terminal library. The UI turns each input event into
// a list of these (a pasted chunk becomes one key per character, in order), and the wizard's
// reducer consumes them one at a time, so fast typing and pasting are applied exactly in order.

export type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageup'
  | 'pagedown'
  | 'home'
  | 'end'
  | 'return'
  | 'escape'
  | 'tab'
  | 'backtab'
  | 'backspace'
  | 'char';

export interface Key {
  name: KeyName;
  /** The character, for `char` keys (a letter for Ctrl combinations). */
  ch?: string;
  ctrl?: boolean;
}

/** The shape of Ink's `Key` flags that matter here (structural, so core does not import Ink). */
export interface InputFlags {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  tab: boolean;
  shift: boolean;
  backspace: boolean;
  delete: boolean;
  ctrl: boolean;
}

export const char = (ch: string): Key => ({ name: 'char', ch });
export const ctrl = (ch: string): Key => ({ name: 'char', ch, ctrl: true });

/**
 * Split raw text (a paste, or fast typing delivered in one chunk) into keys. Enter arrives as CR,
 * or as LF when it was typed before the terminal went into raw mode. Inside a bracketed paste
 * (`pasted`) every line break becomes a space, so a pasted paragraph never submits a text field.
 */
export function keysFromText(text: string, pasted = false): Key[] {
  const out: Key[] = [];
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const code = c.codePointAt(0)!;
    if (c === '\r' && chars[i + 1] === '\n' && pasted) continue; // CRLF: one break
    if ((c === '\r' || c === '\n') && pasted) out.push(char(' '));
    else if (c === '\r' || c === '\n') out.push({ name: 'return' });
    else if (c === '\x7f' || c === '\b') out.push({ name: 'backspace' });
    else if (c === '\t') out.push({ name: 'tab' });
    else if (code >= 1 && code <= 26) out.push(ctrl(String.fromCharCode(code + 96)));
    else if (code < 0x20 || (code >= 0x80 && code < 0xa0)) continue; // other control characters: ignored
    else out.push(char(c));
  }
  return out;
}

/**
 * One Ink input event as keys. Ink reports the Backspace key (DEL, 0x7f) as `delete`, the same
 * as the Delete key, so both erase backwards here; Ctrl-D deletes forwards in text fields.
 */
export function keysFromInk(input: string, k: InputFlags): Key[] {
  if (k.upArrow) return [{ name: 'up' }];
  if (k.downArrow) return [{ name: 'down' }];
  if (k.leftArrow) return [{ name: 'left' }];
  if (k.rightArrow) return [{ name: 'right' }];
  if (k.pageUp) return [{ name: 'pageup' }];
  if (k.pageDown) return [{ name: 'pagedown' }];
  if (k.home) return [{ name: 'home' }];
  if (k.end) return [{ name: 'end' }];
  if (k.return) return [{ name: 'return' }];
  if (k.escape) return [{ name: 'escape' }];
  if (k.tab) return [{ name: k.shift ? 'backtab' : 'tab' }];
  if (k.backspace || k.delete) return [{ name: 'backspace' }];
  if (k.ctrl && input.length === 1) return [ctrl(input.toLowerCase())];
  return keysFromText(input);
}

/** Bracketed paste (ESC [200~ … ESC [201~), as Ink hands the markers over (without the ESC). */
export const PASTE_START = '[200~';
export const PASTE_END = '[201~';
/** Ask the terminal to mark pastes, and to stop. */
export const BRACKETED_PASTE_ON = '\u001B[?2004h';
export const BRACKETED_PASTE_OFF = '\u001B[?2004l';

/**
 * Reads Ink input events as keys, remembering whether a bracketed paste is under way (the
 * terminal marks its start and end), so the line breaks of pasted text are not Enter.
 */
export class KeyReader {
  pasting = false;
  read(input: string, k: InputFlags): Key[] {
    if (input === PASTE_START || input.startsWith(PASTE_START)) {
      this.pasting = true;
      return this.read(input.slice(PASTE_START.length), { ...k, escape: false });
    }
    if (input.endsWith(PASTE_END)) {
      const keys = keysFromText(input.slice(0, -PASTE_END.length), true);
      this.pasting = false;
      return keys;
    }
    if (input === '') return this.pasting ? (k.return ? [char(' ')] : []) : keysFromInk(input, k);
    if (this.pasting) return keysFromText(input, true);
    return keysFromInk(input, k);
  }
}

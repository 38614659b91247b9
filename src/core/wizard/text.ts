// A one-line text field as a value: the text and a cursor (counted in characters, not UTF-16
// units), with the editing keys of a shell prompt.
import type { Key } from './keys.js';

export interface TextField {
  text: string;
  cursor: number;
}

export const field = (text = ''): TextField => ({ text, cursor: Array.from(text).length });

/** The field after `key`, or undefined when the key is not an editing key (the screen handles it). */
export function editField(f: TextField, key: Key, maxLength: number): TextField | undefined {
  const chars = Array.from(f.text);
  const at = Math.max(0, Math.min(f.cursor, chars.length));
  const make = (cs: string[], cursor: number): TextField => ({ text: cs.join(''), cursor });
  if (key.name === 'char' && !key.ctrl && key.ch) {
    if (chars.length >= maxLength) return f;
    return make([...chars.slice(0, at), key.ch, ...chars.slice(at)], at + 1);
  }
  switch (key.name) {
    case 'backspace':
      return at === 0 ? f : make([...chars.slice(0, at - 1), ...chars.slice(at)], at - 1);
    case 'left':
      return { ...f, cursor: Math.max(0, at - 1) };
    case 'right':
      return { ...f, cursor: Math.min(chars.length, at + 1) };
    case 'home':
      return { ...f, cursor: 0 };
    case 'end':
      return { ...f, cursor: chars.length };
    case 'char':
      break;
    default:
      return undefined;
  }
  // Ctrl combinations, as in a shell.
  switch (key.ch) {
    case 'a':
      return { ...f, cursor: 0 };
    case 'e':
      return { ...f, cursor: chars.length };
    case 'b':
      return { ...f, cursor: Math.max(0, at - 1) };
    case 'f':
      return { ...f, cursor: Math.min(chars.length, at + 1) };
    case 'd':
      return at >= chars.length ? f : make([...chars.slice(0, at), ...chars.slice(at + 1)], at);
    case 'u':
      return make(chars.slice(at), 0);
    case 'k':
      return make(chars.slice(0, at), at);
    case 'w': {
      let i = at;
      while (i > 0 && /\s/.test(chars[i - 1]!)) i--;
      while (i > 0 && !/\s/.test(chars[i - 1]!)) i--;
      return make([...chars.slice(0, i), ...chars.slice(at)], i);
    }
    default:
      return undefined;
  }
}

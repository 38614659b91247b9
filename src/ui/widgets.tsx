// The building blocks every screen uses: the frame (title, body, message, key legend), a list
// with a highlighted row, a text field with its cursor, and the progress bar.
//
// Screen-reader mode (--screen-reader, or INK_SCREEN_READER=true): Ink then writes plain lines
// instead of a drawn screen. Every widget says in words what the drawing shows: which row is
// highlighted, which is the current answer, where the text cursor is, how far along you are.
import type { ReactNode } from 'react';
import { Box, Text, useIsScreenReaderEnabled } from 'ink';
import type { LegendEntry } from '../core/wizard/bindings.js';
import type { TextField } from '../core/wizard/text.js';
import { Tone, useColor } from './theme.js';

export type Legend = LegendEntry[];
export { QUIT_ENTRY as QUIT } from '../core/wizard/bindings.js';

export function Frame({ title, subtitle, message, legend, children }: {
  title: string;
  subtitle?: ReactNode;
  message?: string;
  legend: Legend;
  children: ReactNode;
}) {
  const sr = useIsScreenReaderEnabled();
  return (
    <Box flexDirection="column">
      <Box>
        <Box flexShrink={0}>
          <Text>
            <Tone tone="title" bold>
              peer-ready
            </Tone>
            <Text>{sr ? ':' : ' · '}</Text>
          </Text>
        </Box>
        <Para bold text={title} />
      </Box>
      {subtitle}
      <Box marginTop={1} flexDirection="column">
        {children}
      </Box>
      {message ? (
        <Box marginTop={1}>
          <Tone tone="warn">{sr ? `Message: ${message}` : message}</Tone>
        </Box>
      ) : null}
      <Box marginTop={1}>
        <LegendLine legend={legend} />
      </Box>
    </Box>
  );
}

/** The key legend; each entry wraps as a whole, so a key is never split from its action. */
export function LegendLine({ legend }: { legend: Legend }) {
  const sr = useIsScreenReaderEnabled();
  if (sr) return <Text>{`Keys: ${legend.map(([keys, action]) => `${spokenKeys(keys)} ${action}`).join('; ')}.`}</Text>;
  return (
    <Box flexWrap="wrap">
      {legend.map(([keys, action], i) => (
        <Box key={keys}>
          <Text>
            <Text bold>{keys}</Text>
            <Tone tone="muted">{` ${action}${i < legend.length - 1 ? ' · ' : ''}`}</Tone>
          </Text>
        </Box>
      ))}
    </Box>
  );
}

const ARROW_WORDS: Record<string, string> = { '↑': 'Up', '↓': 'Down', '←': 'Left', '→': 'Right' };
/** Arrow glyphs as words, for screen readers ("↑↓" → "Up/Down"). */
export const spokenKeys = (keys: string) => keys.replace(/[↑↓←→]+/g, (run) => Array.from(run, (a) => ARROW_WORDS[a]).join('/'));

/**
 * A paragraph that wraps between words, every line starting at the same column (Ink's own
 * wrapping can leave a space at the start of a line). Words longer than the line still break.
 */
export function Para({ text, bold }: { text: string; bold?: boolean }) {
  const sr = useIsScreenReaderEnabled();
  const words = text.split(/\s+/).filter(Boolean);
  if (sr) return <Text bold={bold}>{words.join(' ')}</Text>;
  return (
    <Box flexWrap="wrap" flexShrink={1}>
      {words.map((w, i) => (
        <Box key={i} marginRight={i < words.length - 1 ? 1 : 0}>
          <Text bold={bold}>{w}</Text>
        </Box>
      ))}
    </Box>
  );
}

/** A list with a highlighted row (the highlight lives in the wizard state, not here). */
export function SelectList({ items, cursor, marked, numbered = true }: {
  items: readonly string[];
  cursor: number;
  /** Row to mark as the current answer. */
  marked?: number;
  numbered?: boolean;
}) {
  const sr = useIsScreenReaderEnabled();
  if (sr) {
    return (
      <Box flexDirection="column">
        <Text>{`Choices, ${items.length}:`}</Text>
        {items.map((label, i) => (
          <Text key={i}>{`${numbered ? `${i + 1}. ` : ''}${label}${i === cursor ? ' (highlighted)' : ''}${i === marked ? ' (current answer)' : ''}`}</Text>
        ))}
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      {items.map((label, i) => {
        const on = i === cursor;
        return (
          <Box key={i}>
            <Box width={2} flexShrink={0}>
              <Tone tone="accent">{on ? '❯' : ' '}</Tone>
            </Box>
            {numbered ? (
              <Box flexShrink={0}>
                <Tone tone="muted">{`${i + 1}. `}</Tone>
              </Box>
            ) : null}
            <Box flexGrow={1} flexShrink={1}>
              <Text>
                {on ? (
                  <Tone tone="accent" bold>
                    {label}
                  </Tone>
                ) : (
                  <Text>{label}</Text>
                )}
                {i === marked ? <Tone tone="ok"> ✓ current answer</Tone> : null}
              </Text>
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}

/** A text field: the typed text with a visible cursor, wrapped to the screen width. */
export function FieldView({ label, field, placeholder }: { label?: string; field: TextField; placeholder?: string }) {
  const color = useColor();
  const sr = useIsScreenReaderEnabled();
  const chars = Array.from(field.text);
  if (sr) {
    const where = field.cursor >= chars.length ? 'at the end' : `before character ${field.cursor + 1}`;
    return (
      <Box flexDirection="column">
        <Text>{label ? `${label} (text field, cursor ${where})` : `Text field, cursor ${where}.`}</Text>
        <Text>{field.text === '' ? `Empty${placeholder ? `; for example ${placeholder.replace(/^e\.g\. /, '')}` : ''}.` : `Contains: ${field.text}`}</Text>
      </Box>
    );
  }
  const before = chars.slice(0, field.cursor).join('');
  const at = chars[field.cursor] ?? ' ';
  const after = chars.slice(field.cursor + 1).join('');
  return (
    <Box flexDirection="column">
      {label ? <Para text={label} /> : null}
      <Box>
        <Box width={2} flexShrink={0}>
          <Tone tone="accent">›</Tone>
        </Box>
        <Box flexGrow={1} flexShrink={1}>
          <Text>
            {before}
            {/* With colour off, inverse video is still allowed (it is not a colour), but we add a
                visible bar too so the cursor shows on terminals without attributes. */}
            <Text inverse>{color ? at : at === ' ' ? '▏' : at}</Text>
            {after}
            {field.text === '' && placeholder ? <Tone tone="muted">{placeholder}</Tone> : null}
          </Text>
        </Box>
      </Box>
    </Box>
  );
}

export function ProgressBar({ done, total, width }: { done: number; total: number; width: number }) {
  const sr = useIsScreenReaderEnabled();
  if (sr) return <Text>{`Progress: ${done} of ${total} questions answered.`}</Text>;
  const w = Math.max(8, width);
  const filled = total === 0 ? 0 : Math.round((done / total) * w);
  return (
    <Text>
      <Tone tone="accent">{'█'.repeat(filled)}</Tone>
      <Tone tone="muted">{'░'.repeat(w - filled)}</Tone>
      <Text>{` ${done}/${total} answered`}</Text>
    </Text>
  );
}

/** Text in a labelled, indented block (help, sources, notes): continuation lines line up after the label. */
export function Labelled({ label, children }: { label: string; children: string }) {
  const sr = useIsScreenReaderEnabled();
  if (sr) return <Text>{`${label} ${children}`}</Text>;
  return (
    <Box>
      <Box flexShrink={0} marginRight={1}>
        <Tone tone="muted">{label}</Tone>
      </Box>
      <Box flexGrow={1} flexShrink={1}>
        <Para text={children} />
      </Box>
    </Box>
  );
}

/**
 * A file name or command, wrapped only at path separators and spaces, so a name is never broken
 * mid-word (unless one part is longer than the line).
 */
export function PathText({ text, bold, indent = 0 }: { text: string; bold?: boolean; indent?: number }) {
  const sr = useIsScreenReaderEnabled();
  if (sr) return <Text bold={bold}>{text}</Text>;
  // Split after each "/" and before each space, keeping the separators with their part.
  const parts = text.match(/[^/ ]*\/|[^/ ]+| +/g) ?? [text];
  const pieces: string[] = [];
  for (const p of parts) {
    if (/^ +$/.test(p) && pieces.length) pieces[pieces.length - 1] += p;
    else pieces.push(p);
  }
  return (
    <Box flexWrap="wrap" marginLeft={indent} flexShrink={1}>
      {pieces.map((p, i) => (
        <Text key={i} bold={bold}>
          {p}
        </Text>
      ))}
    </Box>
  );
}

/** How many lines `text` takes at `width` columns, wrapped between words (as Para wraps it). */
export function linesAt(text: string, width: number): number {
  const w = Math.max(1, width);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need > w && used > 0) {
      lines += Math.ceil(word.length / w);
      used = word.length % w || w;
    } else if (need > w) {
      lines += Math.ceil(word.length / w) - 1;
      used = word.length % w || w;
    } else used = need;
  }
  return lines;
}

/** How many lines a legend takes at `width` columns (entries wrap whole). */
export function legendLines(legend: Legend, width: number): number {
  let lines = 1;
  let used = 0;
  legend.forEach(([keys, action], i) => {
    const len = `${keys} ${action}${i < legend.length - 1 ? ' · ' : ''}`.length;
    if (used + len > width && used > 0) {
      lines++;
      used = len;
    } else used += len;
  });
  return lines;
}

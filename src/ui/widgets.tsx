// The building blocks every screen uses: the frame (title, body, message, key legend), a list
// with a highlighted row, a text field with its cursor, and the progress bar.
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { TextField } from '../core/wizard/text.js';
import { Tone, useColor } from './theme.js';

export type Legend = [keys: string, action: string][];

export const QUIT: [string, string] = ['Ctrl-C', 'save & quit'];

export function Frame({ title, subtitle, message, legend, children }: {
  title: string;
  subtitle?: ReactNode;
  message?: string;
  legend: Legend;
  children: ReactNode;
}) {
  return (
    <Box flexDirection="column">
      <Text>
        <Tone tone="title" bold>
          peer-ready
        </Tone>
        <Text> · </Text>
        <Text bold>{title}</Text>
      </Text>
      {subtitle}
      <Box marginTop={1} flexDirection="column">
        {children}
      </Box>
      {message ? (
        <Box marginTop={1}>
          <Tone tone="warn">{message}</Tone>
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

/**
 * A paragraph that wraps between words (Ink's own wrapping can leave a space at the start of a
 * line). Words longer than the line still break.
 */
export function Para({ text, bold }: { text: string; bold?: boolean }) {
  const words = text.split(/\s+/).filter(Boolean);
  return (
    <Box flexWrap="wrap">
      {words.map((w, i) => (
        <Text key={i} bold={bold}>
          {i < words.length - 1 ? `${w} ` : w}
        </Text>
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
  return (
    <Box flexDirection="column">
      {items.map((label, i) => {
        const on = i === cursor;
        return (
          <Box key={i}>
            <Box width={2} flexShrink={0}>
              <Tone tone="accent">{on ? '❯' : ' '}</Tone>
            </Box>
            <Box flexGrow={1}>
              <Text>
                {numbered ? <Tone tone="muted">{`${i + 1}. `}</Tone> : null}
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
  const chars = Array.from(field.text);
  const before = chars.slice(0, field.cursor).join('');
  const at = chars[field.cursor] ?? ' ';
  const after = chars.slice(field.cursor + 1).join('');
  return (
    <Box flexDirection="column">
      {label ? <Text>{label}</Text> : null}
      <Box>
        <Box width={2} flexShrink={0}>
          <Tone tone="accent">›</Tone>
        </Box>
        <Box flexGrow={1}>
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

/** Text in a labelled, indented block (help, sources, notes). */
export function Labelled({ label, children }: { label: string; children: string }) {
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

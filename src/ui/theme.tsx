// Colour, switched off entirely when NO_COLOR is set (https://no-color.org). Screens never
// name a colour themselves; they ask for a tone, so one switch covers everything.
import { createContext, useContext, type ReactNode } from 'react';
import { Text } from 'ink';

export type ToneName = 'accent' | 'muted' | 'warn' | 'ok' | 'title';

const COLORS: Record<ToneName, string | undefined> = {
  accent: 'cyan',
  muted: 'gray',
  warn: 'yellow',
  ok: 'green',
  title: 'magenta',
};

export const ColorContext = createContext(true);

/** True unless NO_COLOR is set to a non-empty value. */
export function colorEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.NO_COLOR;
}

export function Tone({ tone, bold, children }: { tone: ToneName; bold?: boolean; children: ReactNode }) {
  const color = useContext(ColorContext);
  return (
    <Text color={color ? COLORS[tone] : undefined} bold={bold}>
      {children}
    </Text>
  );
}

export function useColor(): boolean {
  return useContext(ColorContext);
}

// The wizard's entry point: src/cli.ts calls runWizard when stdin and stdout are terminals.
//
// Start-up: this module imports nothing heavy. runWizard puts a first line on the screen at once,
// then loads Ink, React, the screens, the questionnaires and the saved progress, and replaces
// that line with the wizard's first screen. Keys typed meanwhile wait in the terminal and are
// read, in order, as soon as the wizard starts.
import type { MutableRefObject } from 'react';
import { EXIT } from '../core/exit-codes.js';
import type { WizardOptions } from '../io/session.js';

export type { WizardOptions };

const INTERRUPTED = EXIT.interrupted;
// Kept here (not imported from core) so this module stays light until the first line is drawn.
const BRACKETED_PASTE_ON = '\u001B[?2004h';
const BRACKETED_PASTE_OFF = '\u001B[?2004l';
const CLEAR_LINE = '\r\u001B[2K';

/** Run the wizard; resolves to the exit code (0 saved, 130 interrupted: progress is kept). */
export async function runWizard(opts: WizardOptions): Promise<number> {
  const out = process.stdout;
  out.write('peer-ready · loading…');
  // Keys typed while loading wait, unechoed, for the wizard, which applies them in order: the
  // terminal goes into raw mode now rather than when Ink starts (Ink keeps it so, and restores it).
  const stdin = process.stdin;
  const early = stdin.isTTY && typeof stdin.setRawMode === 'function';
  if (early) stdin.setRawMode(true);
  let loaded;
  try {
    const [ink, react, wizard, session, theme] = await Promise.all([
      import('ink'),
      import('react'),
      import('./wizard.js'),
      import('../io/session.js'),
      import('./theme.js'),
    ]);
    loaded = { ink, react, wizard, theme, session: await session.openSession(opts) };
  } catch (e) {
    if (early) stdin.setRawMode(false);
    throw e;
  } finally {
    out.write(CLEAR_LINE);
  }
  const { ink, react, wizard, theme, session } = loaded;

  // Once the terminal is gone (SIGHUP, a closed window), writes fail with EIO/EPIPE. Progress is
  // already saved; let the wizard wind down quietly instead of crashing on the last frame.
  const ignoreGoneTerminal = (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EIO' && e.code !== 'EPIPE') throw e;
  };
  out.on('error', ignoreGoneTerminal);

  const screenReader = !!opts.screenReader || process.env.INK_SCREEN_READER === 'true';
  return new Promise((resolve, reject) => {
    let code = 0;
    const interruptRef: MutableRefObject<(() => void) | undefined> = { current: undefined };
    const finish = (c: number) => {
      code = c;
      instance.unmount();
    };
    // Ctrl-C arrives as a key (raw mode); SIGTERM and SIGHUP are handled the same way: the
    // wizard saves progress, Ink restores the terminal, and we exit 130.
    const onSignal = () => {
      if (interruptRef.current) interruptRef.current();
      else finish(INTERRUPTED);
    };
    const instance = ink.render(
      react.createElement(wizard.Wizard, {
        deps: { ...session.deps, exit: finish },
        run: session.run,
        color: theme.colorEnabled(),
        interruptRef,
      }),
      { exitOnCtrlC: false, isScreenReaderEnabled: screenReader },
    );
    // Pasted text arrives marked, so its line breaks are not taken for Enter (see KeyReader).
    out.write(BRACKETED_PASTE_ON);
    process.on('SIGTERM', onSignal);
    process.on('SIGHUP', onSignal);
    const done = () => {
      // Screen-reader mode leaves the cursor at the end of its last line; end that line.
      out.write(BRACKETED_PASTE_OFF + (screenReader ? '\n' : ''));
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
    };
    instance.waitUntilExit().then(
      () => {
        done();
        resolve(code);
      },
      (e: unknown) => {
        done();
        reject(e);
      },
    );
  });
}

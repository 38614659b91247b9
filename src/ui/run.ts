// The wizard's entry point: src/cli.ts calls runWizard when stdin and stdout are terminals.
//
// Start-up: usually the first screen is already on the terminal, drawn by the top of dist/cli.js
// before anything else loaded (src/io/early-frame.ts). Otherwise runWizard puts a "loading…" line
// there at once. Then it loads Ink, React, the screens, the questionnaires and the saved progress,
// and Ink draws the first screen over what was there (src/ui/first-frame.ts). Keys typed
// meanwhile wait in the terminal, unechoed, and are read in order as soon as the wizard starts.
import type { MutableRefObject } from 'react';
import { EXIT } from '../core/exit-codes.js';
import { earlyFrame } from '../io/early-frame.js';
import { firstFrameOffscreen, keepFrame, renderOver } from './first-frame.js';
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
  const early = earlyFrame();
  const drawn = early?.drawn;
  if (drawn === undefined) out.write('peer-ready · loading…');
  // Keys typed while loading wait, unechoed, for the wizard, which applies them in order: the
  // terminal goes into raw mode now rather than when Ink starts (Ink keeps it so, and restores it).
  const stdin = process.stdin;
  const raw = stdin.isTTY && typeof stdin.setRawMode === 'function';
  if (raw) stdin.setRawMode(true);
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
    if (raw) stdin.setRawMode(false);
    // A problem (a bad option, an unusable store) is told on a clean line: the early frame goes.
    early?.withdraw();
    throw e;
  } finally {
    if (drawn === undefined) out.write(CLEAR_LINE);
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
    const color = theme.colorEnabled();
    // Ink draws its first frame over the early one (or the loading line), in one write.
    const { result: instance, frame } = renderOver(out, drawn, () =>
      ink.render(
        react.createElement(wizard.Wizard, { deps: { ...session.deps, exit: finish }, run: session.run, color, interruptRef }),
        { exitOnCtrlC: false, isScreenReaderEnabled: screenReader },
      ),
    );
    // Kept unless it is the frame already kept (the saved progress has not changed since it was
    // drawn), or carries a one-off warning about the store that the next start will not show.
    if (frame !== drawn && !session.deps.initial.message) keepFrame(early, frame, session.storeFile, out);
    // When the wizard ends: keep the screen the next start opens on, from the progress just saved.
    const keepNext = () => {
      if (!early) return;
      try {
        const next = react.createElement(wizard.Wizard, { deps: { ...session.nextStart(), exit: () => {} }, run: session.run, color });
        const frame = firstFrameOffscreen(ink.render, next, { columns: out.columns, rows: out.rows, screenReader });
        keepFrame(early, frame, session.storeFile, out);
      } catch {
        // Only a faster next start is lost.
      }
    };
    // Pasted text arrives marked, so its line breaks are not taken for Enter (see KeyReader).
    out.write(BRACKETED_PASTE_ON);
    process.on('SIGTERM', onSignal);
    process.on('SIGHUP', onSignal);
    early?.takenOver();
    const done = () => {
      // Screen-reader mode leaves the cursor at the end of its last line; end that line.
      out.write(BRACKETED_PASTE_OFF + (screenReader ? '\n' : ''));
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
    };
    instance.waitUntilExit().then(
      () => {
        done();
        keepNext();
        resolve(code);
      },
      (e: unknown) => {
        done();
        reject(e);
      },
    );
  });
}

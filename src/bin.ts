#!/usr/bin/env node
// The executable: run the CLI and turn its result into an exit code.
import { main, reportError } from './cli.js';

/**
 * Exit as soon as output is flushed. A plain return would also tear down the whole heap
 * first, which costs a noticeable share of a scripted run; nothing is left to do by then.
 */
function exit(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv.slice(2)).then(exit, (e: unknown) => exit(reportError(e)));

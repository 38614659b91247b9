#!/usr/bin/env node
// The executable: run the CLI and turn its result into an exit code.
import { main, reportError } from './cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.exitCode = reportError(e);
  },
);

// The process's exit codes, in one place (the README's "Exit codes" table lists them).
export const EXIT = {
  ok: 0,
  /** A bug: please report it. Nothing was written. */
  internal: 1,
  /** Bad input or usage. Nothing was written. */
  input: 2,
  /** The wizard was interrupted with Ctrl-C; progress was saved first. */
  interrupted: 130,
} as const;

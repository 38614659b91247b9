// An internal error's stack, with positions in src/. Run from source, the stack already names
// src/ files; the build replaces this module with one that maps the bundles' positions back
// through dist/cli.js.map (the loader in scripts/loader.mjs does the mapping, and only then).
export function sourceStack(stack: string): string {
  return stack;
}

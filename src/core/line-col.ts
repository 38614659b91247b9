// Positions in a text file, for messages that point at the place of a mistake (answers files,
// templates).

/** Where character `index` of `text` falls, as "line L, column C". */
export function lineCol(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

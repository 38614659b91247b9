// Types for scripts/toc-facts.mjs (used by the tests).
import type { SeedDoc, Doc } from './source-facts.mjs';
export interface TocEntry {
  title: string;
  pages?: string;
}
export interface Toc {
  about: string;
  docs: Record<Doc, { contents: TocEntry[]; headingLines: Record<string, string> }>;
}
export const TOC_FILE: string;
export const CONTENTS_LINES: Record<Doc, [number, number] | null>;
export function titleKey(title: string): string;
export function contentsEntry(line: string): TocEntry;
export function buildToc(docs: Record<Doc, SeedDoc>, headings: Record<string, readonly { line: number }[]>): Toc;
export function serializeToc(toc: Toc): string;

// Types for scripts/source-facts.mjs (used by the tests).
export type Doc = 'handbook' | 'cmpss' | 'wi-cps' | 'wi-cpps' | 'cw-m4';
export interface LineFacts {
  /** A hash of the line's normalized text. */
  h: string;
  /** The figures on the line (numerals and number words), when it has any. */
  f?: number[];
}
export interface DocFacts {
  file: string;
  lineCount: number;
  sha256: string;
  /** By line number (1-based): every line the data cites, with the tolerance either side. */
  cited: Record<string, LineFacts>;
}
export interface SourceFacts {
  about: string;
  tolerance: number;
  docs: Record<Doc, DocFacts>;
}
export interface DataCitation {
  file: string;
  where: string;
  doc: string;
  lines: number | string;
}
export interface SeedDoc {
  file: string;
  text: string;
  lines: string[];
}
export const INDEX_FILE: string;
export const DEFAULT_SEEDS: string;
export const TOLERANCE: number;
export const SEED_PREFIX: Record<Doc, string>;
export const WORDS: Map<string, number>;
export const SOURCE_WORDS: Map<string, number>;
export function figures(text: string, words?: Map<string, number>): number[];
export function lineHash(line: string): string;
export function lineRange(lines: number | string): [number, number];
export function dataCitations(dir?: string): DataCitation[];
export function readSeeds(seeds?: string): Record<Doc, SeedDoc> | undefined;
export function buildIndex(docs: Record<Doc, SeedDoc>, cites?: DataCitation[]): SourceFacts;
export function serialize(index: SourceFacts): string;

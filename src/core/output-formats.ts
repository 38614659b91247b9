// The output formats, on their own so that reading the command line loads nothing else.
export const FORMATS = ['md', 'html', 'json', 'csv', 'ics'] as const;
export type Format = (typeof FORMATS)[number];

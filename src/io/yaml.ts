// YAML reading with errors that name the file, line and column. Loaded only when a YAML file is read.
import { parse, YAMLParseError } from 'yaml';
import { InputError } from '../core/errors.js';

export function parseYamlText(text: string, file: string): unknown {
  try {
    return parse(text, { prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const pos = e.linePos?.[0];
      const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
      throw new InputError(file, pos ? `line ${pos.line}, column ${pos.col}` : '', `not valid YAML: ${msg}`);
    }
    throw e;
  }
}

export { stringify as stringifyYaml } from 'yaml';

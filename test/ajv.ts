// Ajv as the tests use it: JSON Schema draft 2020-12 in strict mode, so a schema that a strict
// consumer would reject fails here, with the standard formats ("date") checked, not ignored.
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as formats from 'ajv-formats';

// ajv-formats is CommonJS with `exports.default`; depending on the loader the function is the
// module's default or the default's default.
type AddFormats = (ajv: Ajv2020) => unknown;
const mod = formats as unknown as { default: AddFormats | { default: AddFormats } };
const addFormats: AddFormats = typeof mod.default === 'function' ? mod.default : mod.default.default;

export function strictAjv(opts: { allErrors?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, ...opts });
  addFormats(ajv);
  return ajv;
}

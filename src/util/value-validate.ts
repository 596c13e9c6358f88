import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Location } from '../model/location.js';
import { getProperty, toPlain, type Value } from '../model/value.js';

export interface ValueProblem {
  location: Location;
  /** Dotted key path of the offending field ('exceptions.0.reason'), '' for the whole document. */
  field: string;
  message: string;
}

const ajv = new Ajv({ allErrors: false, strict: false });
const compiled = new WeakMap<object, ValidateFunction>();

/** Validate a located value against a JSON schema; the first problem points at the offending key. */
export function validateValue(v: Value, schema: object): ValueProblem | undefined {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  const data = toPlain(v);
  if (validate(data)) return undefined;
  const err = (validate.errors ?? [])[0];
  return err ? toProblem(err, v) : undefined;
}

function toProblem(err: ErrorObject, root: Value): ValueProblem {
  const segments = err.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let message = err.message ?? 'is not valid';
  if (err.keyword === 'additionalProperties') {
    segments.push((err.params as { additionalProperty: string }).additionalProperty);
    message = 'is not a known key';
  } else if (err.keyword === 'enum') {
    message = `must be one of ${(err.params as { allowedValues: unknown[] }).allowedValues.map((x) => JSON.stringify(x)).join(', ')}`;
  } else if (err.keyword === 'required') {
    message = `must have the key '${(err.params as { missingProperty: string }).missingProperty}'`;
  }
  // ajv puts a bad key name on the error itself (or, for the propertyNames keyword, in its params).
  const propertyName = (err as { propertyName?: string }).propertyName ?? (err.params as { propertyName?: string }).propertyName;
  if (err.keyword === 'propertyNames' || propertyName !== undefined) {
    // A key that breaks the schema's rule for key names (rule ids).
    if (propertyName !== undefined) segments.push(propertyName);
    message = 'is not a rule id (AZSEC-AREA-NNN)';
  }
  // Walk down as far as the path goes; point at the key when the last step is a key.
  let cur: Value = root;
  let location = root.loc;
  for (const step of segments) {
    if (cur.kind === 'object') {
      const prop = getProperty(cur, step);
      if (!prop) break;
      location = prop.keyLoc;
      cur = prop.value;
    } else if (cur.kind === 'array' && /^\d+$/.test(step) && cur.items[Number(step)]) {
      cur = cur.items[Number(step)];
      location = cur.loc;
    } else break;
  }
  return { location, field: segments.join('.'), message };
}

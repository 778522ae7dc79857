import { Ajv, type ErrorObject } from 'ajv';
import { DomainError, ErrorCode } from '../domain-error.js';

// strictRequired off: `anyOf: [{ required: [...] }]` names properties declared at the top level
const ajv = new Ajv({
  allErrors: true,
  useDefaults: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
});

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => {
      const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'body';
      if (e.keyword === 'additionalProperties')
        return `${at}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
      if (e.keyword === 'required')
        return `${at}: missing "${(e.params as { missingProperty: string }).missingProperty}"`;
      if (e.keyword === 'enum')
        return `${at}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
      return `${at}: ${e.message ?? 'is invalid'}`;
    })
    .join('; ');
}

/**
 * A request body checker compiled once from a JSON Schema: returns the body typed
 * (defaults filled) or throws invalid_argument (400) listing every problem. The
 * schemas are the ones the OpenAPI document shows for the request.
 */
export function bodyValidator<T>(schema: Record<string, unknown>): (body: unknown) => T {
  const validate = ajv.compile(schema);
  return (body: unknown): T => {
    if (!validate(body)) throw new DomainError(ErrorCode.InvalidArgument, describeErrors(validate.errors));
    return body as T;
  };
}

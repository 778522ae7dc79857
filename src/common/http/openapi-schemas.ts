import type { TSchema } from '@sinclair/typebox';

const SCHEMA_NAME = Symbol.for('fleet.schema-name');
const components = new Map<string, TSchema>();

/** Gives a schema a name: it is `components.schemas[name]` in the OpenAPI document. */
export function named<T extends TSchema>(name: string, schema: T): T {
  const known = components.get(name);
  if (known && known !== schema) throw new Error(`two schemas are named ${name}`);
  // an enumerable symbol: spreads (Type.Optional) keep it, JSON and ajv don't see it
  (schema as unknown as Record<symbol, unknown>)[SCHEMA_NAME] = name;
  components.set(name, schema);
  return schema;
}

/** The schema as OpenAPI 3.1 (JSON Schema 2020-12): named subschemas become $refs. */
export function toOpenApi(schema: TSchema, root = true): Record<string, unknown> {
  const name = (schema as unknown as Record<symbol, unknown>)[SCHEMA_NAME];
  if (!root && typeof name === 'string') return { $ref: `#/components/schemas/${name}` };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = openApiValue(value);
  return out;
}

function openApiValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(openApiValue);
  if (typeof value === 'object' && value !== null) return toOpenApi(value as TSchema, false);
  return value;
}

/** Every named schema, for `components.schemas`. */
export function openApiComponents(): Record<string, Record<string, unknown>> {
  return Object.fromEntries([...components].map(([name, schema]) => [name, toOpenApi(schema)]));
}

export const refOf = (schema: TSchema): Record<string, unknown> => toOpenApi(schema, false);

import { Body, Param, Query, SetMetadata, applyDecorators, type PipeTransform } from '@nestjs/common';
import { ApiBody, ApiParam, ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { Static, TObject, TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { DomainError, ErrorCode } from '../domain-error.js';
import { ApiErrorSchema } from './api-schemas.js';
import { refOf, toOpenApi } from './openapi-schemas.js';

/**
 * The typed API: request and response schemas are TypeBox schemas (plain JSON
 * Schema with static types), validated by ajv at the controller and put into the
 * OpenAPI document. A controller method declares them with:
 *
 *   @TypedQuery(S) / @TypedParams(S) / @TypedBody(S)   on its parameters: validated, documented
 *   @TypedResponse(S, { status, errors, csv })        on the method: documented (and CSV, below)
 *
 * Schemas given a name with `named()` are components of the document, referenced by $ref.
 */

// Query strings and path segments are text: numbers and booleans are coerced. Bodies are JSON: never.
const textAjv = new Ajv({ allErrors: true, coerceTypes: true, useDefaults: true, allowUnionTypes: true });
const jsonAjv = new Ajv({ allErrors: true, useDefaults: true, allowUnionTypes: true });
const compiled = new WeakMap<TSchema, ValidateFunction>();

function validatorOf(schema: TSchema, ajv: Ajv): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

type Part = 'query' | 'path' | 'body';

/** Validates one part of a request against its schema; 400 with every problem otherwise. */
export class SchemaPipe implements PipeTransform {
  private readonly validate: ValidateFunction;

  constructor(
    schema: TSchema,
    private readonly part: Part,
  ) {
    this.validate = validatorOf(schema, part === 'body' ? jsonAjv : textAjv);
  }

  transform(value: unknown): unknown {
    // Express hands the query over with a null prototype: ajv wants a plain object
    const input = this.part === 'body' ? value : { ...(value as object) };
    if (this.validate(input)) return input;
    throw new DomainError(ErrorCode.InvalidArgument, describeErrors(this.validate.errors, this.part));
  }
}

/** ajv errors as one readable sentence: `limit: must be >= 1; unknown query parameter "form"`. */
export function describeErrors(errors: ErrorObject[] | null | undefined, part: Part): string {
  const what = part === 'query' ? 'query parameter' : part === 'path' ? 'path parameter' : 'field';
  const problems = (errors ?? []).map((e) => {
    const at = e.instancePath.slice(1).replace(/\//g, '.');
    const prefix = at ? `${at}: ` : part === 'body' ? 'body: ' : '';
    switch (e.keyword) {
      case 'additionalProperties':
        return `${prefix}unknown ${what} "${(e.params as { additionalProperty: string }).additionalProperty}"`;
      case 'required':
        return `${prefix}missing ${what} "${(e.params as { missingProperty: string }).missingProperty}"`;
      case 'enum':
        return `${prefix}must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
      case 'anyOf':
        return `${prefix}matches none of the allowed forms`;
      default:
        return `${prefix}${e.message ?? 'is invalid'}`;
    }
  });
  // anyOf reports each branch and then itself: the branch errors say more
  return [...new Set(problems)].join('; ');
}

type MethodOf = (target: object, key: string | symbol | undefined) => PropertyDescriptor;
const methodOf: MethodOf = (target, key) => {
  const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor) throw new Error('typed parameters go on controller methods');
  return descriptor;
};

const errorResponse = (code: number): MethodDecorator =>
  ApiResponse({
    status: code,
    description: ERROR_DESCRIPTIONS[code] ?? 'error',
    content: { 'application/json': { schema: refOf(ApiErrorSchema) } },
  });

/** Methods documented with a 400 already: a typed request part can always be refused. */
const answers400 = new WeakSet<object>();

function document400(target: object, key: string | symbol | undefined): void {
  const descriptor = methodOf(target, key);
  if (answers400.has(descriptor.value as object)) return;
  answers400.add(descriptor.value as object);
  errorResponse(400)(target, key!, descriptor);
}

function documentParameters(
  schema: TObject,
  apply: (name: string, required: boolean, property: TSchema) => MethodDecorator,
): (target: object, key: string | symbol | undefined) => void {
  return (target, key) => {
    const descriptor = methodOf(target, key);
    const required = new Set(schema.required ?? []);
    for (const [name, property] of Object.entries(schema.properties))
      apply(name, required.has(name), property)(target, key!, descriptor);
    document400(target, key);
  };
}

/** The query string, validated against `schema` (an object of optional or required parameters). */
export function TypedQuery(schema: TObject): ParameterDecorator {
  const document = documentParameters(schema, (name, required, property) =>
    ApiQuery({ name, required, description: property.description, schema: toOpenApi(property, false) }),
  );
  return (target, key, index) => {
    Query(new SchemaPipe(schema, 'query'))(target, key, index);
    Reflect.defineMetadata(TYPED_QUERY, true, methodOf(target, key).value as object);
    document(target, key);
  };
}

/** The path parameters, validated against `schema`. */
export function TypedParams(schema: TObject): ParameterDecorator {
  const document = documentParameters(schema, (name, _required, property) =>
    ApiParam({ name, required: true, description: property.description, schema: toOpenApi(property, false) }),
  );
  return (target, key, index) => {
    Param(new SchemaPipe(schema, 'path'))(target, key, index);
    document(target, key);
  };
}

/** The JSON body, validated against `schema`. */
export function TypedBody(schema: TSchema, description?: string): ParameterDecorator {
  return (target, key, index) => {
    Body(new SchemaPipe(schema, 'body'))(target, key, index);
    ApiBody({ description, schema: refOf(schema) })(target, key!, methodOf(target, key));
    document400(target, key);
  };
}

/** How a response is written as CSV (`format=csv` or `Accept: text/csv`). */
export interface CsvShape<T> {
  columns: readonly string[];
  /** The rows of the answer; default: its `data`. */
  rows?: (body: T) => readonly object[];
}

export const CSV_SHAPE = Symbol('fleet.csv-shape');
/** Set on methods declared with @TypedResponse: their requests are checked as declared. */
export const TYPED_ENDPOINT = Symbol('fleet.typed-endpoint');
/** Set on methods with a @TypedQuery: the others take no query parameters. */
export const TYPED_QUERY = Symbol('fleet.typed-query');

export interface TypedResponseOptions<T> {
  /** Default 200. */
  status?: number;
  description?: string;
  /** Error statuses the endpoint answers (400 is added by the typed request parts). */
  errors?: readonly number[];
  /** The endpoint also answers CSV, shaped so. */
  csv?: CsvShape<T>;
}

export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'invalid_argument: a parameter or the body is invalid; the message says which and why',
  401: 'unauthenticated: no API key, or one that is wrong, revoked or expired',
  403: "forbidden: the key's role does not allow this",
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'result_too_large',
  429: 'too_many_requests: too many failed authentications from this address',
  503: 'unavailable',
};

/** Documents the answer: its schema (JSON, and CSV when `csv` is given) and its error statuses. */
export function TypedResponse<T extends TSchema>(
  schema: T | null,
  options: TypedResponseOptions<Static<T>> = {},
): MethodDecorator {
  const status = options.status ?? 200;
  const content: Record<string, { schema: Record<string, unknown> }> = {};
  if (schema) content['application/json'] = { schema: refOf(schema) };
  if (options.csv)
    content['text/csv'] = { schema: { type: 'string', description: options.csv.columns.join(',') } };
  const decorators: MethodDecorator[] = [
    ApiResponse({ status, description: options.description ?? 'OK', ...(schema ? { content } : {}) }),
    ...(options.errors ?? []).map(errorResponse),
    SetMetadata(TYPED_ENDPOINT, true),
  ];
  if (options.csv)
    decorators.push(ApiProduces('application/json', 'text/csv'), SetMetadata(CSV_SHAPE, options.csv));
  return applyDecorators(...decorators);
}

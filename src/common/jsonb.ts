/**
 * A value as JSON text for a `jsonb` parameter: PostgreSQL refuses the `\u0000`
 * escape in jsonb, so it becomes U+FFFD (the rest of the text is kept as is).
 */
export function jsonb(value: unknown): string {
  // an escape is \u0000 after an odd number of backslashes; an even number is a literal backslash
  return JSON.stringify(value).replace(/(\\+)u0000/g, (m, slashes: string) =>
    slashes.length % 2 ? `${slashes}ufffd` : m,
  );
}

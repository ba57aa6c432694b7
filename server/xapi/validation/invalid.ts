/** The first problem found in a statement: a JSON pointer and a reason ("/actor/mbox must be a mailto IRI"). */
export class Invalid extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path || '/'} ${reason}`);
  }
}

export type Json = Record<string, unknown>;

export function fail(path: string, reason: string): never {
  throw new Invalid(path, reason);
}

export function child(path: string, key: string | number): string {
  return `${path}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * An object whose keys are all in `allowed` and whose values are never null (null is only allowed inside
 * extension values, which are not checked through here).
 */
export function fields(value: unknown, path: string, allowed: readonly string[], what = 'an object'): Json {
  if (value === null) fail(path, 'must not be null');
  if (typeof value !== 'object' || Array.isArray(value)) fail(path, `must be ${what}, not ${kind(value)}`);
  const json = value as Json;
  for (const key of Object.keys(json)) {
    if (!allowed.includes(key)) fail(child(path, key), 'is not allowed here');
    if (json[key] === null) fail(child(path, key), 'must not be null');
  }
  return json;
}

export function required(json: Json, key: string, path: string): unknown {
  if (!(key in json)) fail(child(path, key), 'is required');
  return json[key];
}

export function string(value: unknown, path: string): string {
  if (value === null) fail(path, 'must not be null');
  if (typeof value !== 'string') fail(path, `must be a string, not ${kind(value)}`);
  return value;
}

export function formatted(value: unknown, path: string, test: (text: string) => boolean, what: string): string {
  const text = string(value, path);
  if (!test(text)) fail(path, `must be ${what}`);
  return text;
}

export function number(value: unknown, path: string): number {
  if (value === null) fail(path, 'must not be null');
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, `must be a number, not ${kind(value)}`);
  return value;
}

export function boolean(value: unknown, path: string): boolean {
  if (value === null) fail(path, 'must not be null');
  if (typeof value !== 'boolean') fail(path, `must be a boolean, not ${kind(value)}`);
  return value;
}

export function array(value: unknown, path: string): unknown[] {
  if (value === null) fail(path, 'must not be null');
  if (!Array.isArray(value)) fail(path, `must be an array, not ${kind(value)}`);
  return value;
}

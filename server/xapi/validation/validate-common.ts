import { isIri, isLanguageTag } from './formats.js';
import { child, fail, formatted, type Json, string } from './invalid.js';

export interface Options {
  version: '1.0' | '2.0';
}

export function iri(value: unknown, path: string): string {
  return formatted(value, path, isIri, 'an absolute IRI');
}

/** A language map: RFC 5646 tags to strings. */
export function languageMap(value: unknown, path: string): void {
  if (value === null) fail(path, 'must not be null');
  if (typeof value !== 'object' || Array.isArray(value)) fail(path, 'must be a language map (an object)');
  for (const [tag, text] of Object.entries(value as Json)) {
    if (!isLanguageTag(tag)) fail(child(path, tag), 'must be keyed by an RFC 5646 language tag');
    string(text, child(path, tag));
  }
}

/** Extensions: IRI keys, any JSON values (null included). */
export function extensions(value: unknown, path: string): void {
  if (value === null) fail(path, 'must not be null');
  if (typeof value !== 'object' || Array.isArray(value)) fail(path, 'must be an object');
  for (const key of Object.keys(value as Json)) {
    if (!isIri(key)) fail(child(path, key), 'must be keyed by an absolute IRI');
  }
}

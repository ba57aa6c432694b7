/**
 * IRI helpers for the normalisation of RAGE statements (xapi.md §10, N-4 to N-6). An "absolute IRI" here is what
 * an LRS validator accepts: a scheme, then no characters that IRIs forbid (spaces, quotes, angle brackets…).
 */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// RFC 3987 excludes these from every IRI component; trackers put spaces in ids verbatim (real-clients.md §7.3).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be encoded
const FORBIDDEN = /[\u0000-\u0020<>"{}|\\^`\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const FORBIDDEN_ALL = /[\u0000-\u0020<>"{}|\\^`\u007f]/g;

/** One character that IRIs forbid, which normalising percent-encodes (served-iri-preimages.ts decodes it again). */
export function isForbiddenInIri(char: string): boolean {
  return char.length === 1 && FORBIDDEN.test(char);
}

export function isAbsoluteIri(value: string): boolean {
  return SCHEME.test(value) && !FORBIDDEN.test(value) && value.length > value.indexOf(':') + 1;
}

/** Percent-encodes the characters IRIs forbid, leaving everything else (including existing %XX) alone. */
export function encodeForbidden(value: string): string {
  return value.replace(FORBIDDEN_ALL, (char) => encodeURIComponent(char));
}

/** `<base>/<segment>/<percent-encoded value>`: the documented mapping for keys and ids that are not IRIs. */
export function underNamespace(namespace: string, segment: string, value: string): string {
  return `${namespace}/${segment}/${encodeURIComponent(value)}`;
}

/** An IRI as is (forbidden characters encoded), or the value mapped under `<namespace>/<segment>/`. */
export function asIri(value: string, namespace: string, segment: string): string {
  if (SCHEME.test(value) && value.length > value.indexOf(':') + 1) return encodeForbidden(value);
  return underNamespace(namespace, segment, value);
}

/** N-6: a relative object id is resolved against the session's objectId (what the tracker prefixes it with). */
export function asObjectIri(value: string, objectBase: string | null, namespace: string): string {
  if (SCHEME.test(value) && value.length > value.indexOf(':') + 1) return encodeForbidden(value);
  if (objectBase) return encodeForbidden(`${objectBase}/${value.replace(/^\/+/, '')}`);
  return underNamespace(namespace, 'activities', value);
}

/** A DNS label: what may stand before `.local` (RFC 1035 letters, digits and inner hyphens, at most 63). */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** `aula`, `Aula.local` or `aula.local.` → `aula`; undefined when it cannot be a host name on the LAN. */
export function hostLabel(name: string): string | undefined {
  const label = name
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/\.local$/, '');
  return LABEL.test(label) ? label : undefined;
}

/** The name to try after a conflict, as RFC 6762 §9 suggests: `aula` → `aula-2` → `aula-3`. */
export function nextLabel(label: string): string {
  const match = /^(.*)-(\d+)$/.exec(label);
  if (match?.[1] && match[2]) return `${match[1]}-${Number(match[2]) + 1}`;
  return `${label.slice(0, 61)}-2`;
}

export function localName(label: string): string {
  return `${label}.local`;
}

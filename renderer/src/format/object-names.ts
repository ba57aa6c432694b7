/**
 * Names for a chart's objects that tell apart those with the same last segment: a js game's `level1`
 * (`http://aula.test/…/level/level1`) and an xAPI game's (`http://example.com/game/level1`) both end in `level1`, and
 * shared one label, so the teacher read two bars as one level. A name alone stays as it is; shared, it gets what
 * tells the objects apart: their web site ("level1 (example.com)"), else the part of their path before the name
 * ("level1 (…/v2/level)"), else the whole id.
 */
export function distinctNames(objects: ReadonlyArray<{ objectId: string; name: string }>): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const { objectId, name } of objects) {
    const ids = byName.get(name) ?? [];
    if (!ids.includes(objectId)) ids.push(objectId);
    byName.set(name, ids);
  }
  const labels = new Map<string, string>();
  for (const [name, ids] of byName) {
    if (ids.length === 1) {
      labels.set(ids[0] as string, name);
      continue;
    }
    const parts = ids.map(split);
    const longest = Math.max(...parts.map((p) => p.parents.length));
    const candidates: Array<(p: Parts) => string> = [(p) => p.host];
    for (let k = 1; k <= longest; k++) candidates.push((p) => `…/${p.parents.slice(-k).join('/')}`);
    candidates.push((p) => `${p.host}/${p.parents.join('/')}`);
    const pick = candidates.find((qualify) => {
      const shown = parts.map(qualify);
      return shown.every((q) => q !== '' && q !== '…/') && new Set(shown).size === shown.length;
    });
    ids.forEach((id, index) => {
      labels.set(id, pick ? `${name} (${pick(parts[index] as Parts)})` : id);
    });
  }
  return labels;
}

interface Parts {
  host: string;
  /** The path's segments before the last one (the name). */
  parents: string[];
}

function split(objectId: string): Parts {
  try {
    const url = new URL(objectId);
    const segments = `${url.pathname}${url.search}${url.hash}`.split(/[/#?&]/).filter(Boolean);
    return { host: url.host, parents: segments.slice(0, -1) };
  } catch {
    const segments = objectId.split(/[/#]/).filter(Boolean);
    return { host: '', parents: segments.slice(0, -1) };
  }
}

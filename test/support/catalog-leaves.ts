import assert from 'node:assert/strict';

/** Every wording of a catalog (a tree of strings) by its dotted key: `tray.quit`, `config.variables_one`. */
export function leaves(tree: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') found.set(prefix + key, value);
    else for (const [leaf, text] of leaves(value as object, `${prefix}${key}.`)) found.set(leaf, text);
  }
  return found;
}

/** The `{{name}}` and `<tag>` a wording fills in: a translation that drops one shows the teacher less. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}|<\/?(\w+)>/g)].map((m) => m[1] ?? `<${m[2]}>`).sort();
}

/**
 * A translation mirrors its English catalog: the same keys, none empty, each filling what the English fills (as
 * `fills` finds it: the wording's values and tags by default).
 */
export function assertMirrors(english: object, translation: object, fills: (text: string) => string[] = placeholders): void {
  const source = leaves(english);
  const translated = leaves(translation);
  assert.deepEqual([...translated.keys()].sort(), [...source.keys()].sort());
  for (const [key, text] of translated) {
    assert.notEqual(text.trim(), '', key);
    assert.deepEqual(fills(text), fills(source.get(key) as string), key);
  }
}

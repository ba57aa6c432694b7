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

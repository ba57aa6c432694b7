import type { Command } from 'commander';

/**
 * Refuses `--NAME` together with `--no-NAME` (e.g. `--anonymous --no-anonymous`), as Commander refuses options
 * declared with Option.conflicts(): same message, same exit code. conflicts() itself cannot do it for such a pair:
 * both forms set the one attribute, so the last silently wins, and a conflict declared between them matches the
 * option itself. Commander's `option:<flag>` events do tell the two forms apart.
 */
export function refuseBothForms(command: Command, ...names: string[]): Command {
  const seen = new Set<string>();
  for (const name of names) {
    command.on(`option:${name}`, () => seen.add(`--${name}`));
    command.on(`option:no-${name}`, () => seen.add(`--no-${name}`));
  }
  return command.hook('preAction', () => {
    for (const name of names) {
      if (seen.has(`--${name}`) && seen.has(`--no-${name}`)) {
        command.error(`error: option '--${name}' cannot be used with option '--no-${name}'`, { code: 'commander.conflictingOption' });
      }
    }
  });
}

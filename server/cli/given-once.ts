import { CliError } from './output.js';

/**
 * A commander argument parser for a flag that takes one value: a second value is refused instead of silently
 * replacing the first (commander's default), so `aula export --class 1A --class 1B` does not export 1B alone while
 * the researcher believes both classes are in the file. Made once per program built, so its memory is one run's.
 */
export function givenOnce(flag: string, advice: string): (value: string) => string {
  let first: string | undefined;
  return (value: string) => {
    if (first !== undefined) {
      throw new CliError(`${flag} was given twice (${JSON.stringify(first)}, then ${JSON.stringify(value)}): it takes one value; ${advice}. Nothing was done.`);
    }
    first = value;
    return value;
  };
}

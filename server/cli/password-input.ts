import { CliError } from './output.js';

export interface PasswordOptions {
  password?: string;
  passwordStdin?: boolean;
}

/**
 * One of --password PW or --password-stdin (all of standard input, without its final line break): a secret typed on
 * the command line stays in the shell history and shows in the process list, one piped in does not.
 */
export async function passwordOf(options: PasswordOptions, what = 'A password', placeholder = 'PW'): Promise<string> {
  if (options.password !== undefined && options.passwordStdin) throw new CliError('Give either --password or --password-stdin, not both.');
  if (options.password !== undefined) return options.password;
  if (!options.passwordStdin) throw new CliError(`${what} is needed: --password ${placeholder}, or --password-stdin to read it from standard input.`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (!password) throw new CliError('--password-stdin read an empty password.');
  return password;
}

import { type Wording, word, wording } from '../i18n/wording.js';

/**
 * What a username and a password may look like. Usernames become `playerId` and `actor.name`, which the Java and
 * C# trackers cut out of the start answer with regexes, so only characters JSON never escapes and that hold no
 * braces are allowed (contract C-5.9). They are stored lower-case and matched case-insensitively, as A2 did (C-4.3).
 */
export const USERNAME_PATTERN = /^[a-z0-9._-]{1,64}$/;
export const PASSWORD_MAX_LENGTH = 200;

export function normalizeUsername(raw: string): string {
  return raw.trim().toLowerCase();
}

/** A reason the (normalized) username cannot be used, or null; in words, for the dashboard's language (server/i18n). */
export function usernameWording(username: string): Wording | null {
  if (username === '') return wording('credentials.usernameEmpty');
  if (username.length > 64) return wording('credentials.usernameTooLong');
  if (!USERNAME_PATTERN.test(username)) return wording('credentials.usernameCharacters', { username });
  return null;
}

/** A reason the (normalized) username cannot be used, or null: in English, as the CLI says it. */
export function usernameProblem(username: string): string | null {
  return english(usernameWording(username));
}

/**
 * A reason the password cannot be used, or null. The message never repeats the password. `"` and `\` are refused
 * because java-tracker and the C# trackers build the login JSON without escaping (C-4.2): such a student could
 * never log in from those games.
 */
export function passwordWording(password: string): Wording | null {
  if (password === '') return wording('credentials.passwordEmpty');
  if (password.length > PASSWORD_MAX_LENGTH) return wording('credentials.passwordTooLong', { max: PASSWORD_MAX_LENGTH });
  if (password !== password.trim()) return wording('credentials.passwordSpaces');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/["\\\u0000-\u001f\u007f]/.test(password)) return wording('credentials.passwordCharacters');
  return null;
}

export function passwordProblem(password: string): string | null {
  return english(passwordWording(password));
}

/** The login answer carries the e-mail next to the token that regex-reading trackers cut out: keep it plain. */
export function emailWording(email: string): Wording | null {
  if (email === '') return null;
  if (!/^[^\s"\\{}@]+@[^\s"\\{}@]+\.[^\s"\\{}@]+$/.test(email)) return wording('credentials.notEmail', { email });
  return null;
}

export function emailProblem(email: string): string | null {
  return english(emailWording(email));
}

function english(said: Wording | null): string | null {
  return said === null ? null : word(said);
}

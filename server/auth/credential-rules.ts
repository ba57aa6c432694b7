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

/** A reason the (normalized) username cannot be used, or null. */
export function usernameProblem(username: string): string | null {
  if (username === '') return 'the username is empty';
  if (username.length > 64) return 'the username is longer than 64 characters';
  if (!USERNAME_PATTERN.test(username)) {
    return `the username "${username}" may only hold letters a-z, digits and . _ - (no spaces or accents)`;
  }
  return null;
}

/**
 * A reason the password cannot be used, or null. The message never repeats the password. `"` and `\` are refused
 * because java-tracker and the C# trackers build the login JSON without escaping (C-4.2): such a student could
 * never log in from those games.
 */
export function passwordProblem(password: string): string | null {
  if (password === '') return 'the password is empty';
  if (password.length > PASSWORD_MAX_LENGTH) return `the password is longer than ${PASSWORD_MAX_LENGTH} characters`;
  if (password !== password.trim()) return 'the password starts or ends with a space';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/["\\\u0000-\u001f\u007f]/.test(password)) return 'the password contains " or \\ or a control character';
  return null;
}

/** The login answer carries the e-mail next to the token that regex-reading trackers cut out: keep it plain. */
export function emailProblem(email: string): string | null {
  if (email === '') return null;
  if (!/^[^\s"\\{}@]+@[^\s"\\{}@]+\.[^\s"\\{}@]+$/.test(email)) return `"${email}" is not an e-mail address`;
  return null;
}

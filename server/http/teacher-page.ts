import { escapeHtml } from '../public-check/check-page.js';
import { TEACHER_PAGE_WORDS, type TeacherPageLanguage, type TeacherPageWords } from './teacher-page-words.js';

export interface TeacherPageInput {
  /** English unless told (the browser's Accept-Language, as the check page). */
  language?: TeacherPageLanguage;
  /** Shown above the form: why the last attempt failed. */
  problem?: ((words: TeacherPageWords) => string) | undefined;
}

/**
 * The small page another device gets at /teacher: one field for the teacher key. Plain HTML without scripts (the
 * same strict CSP as the check page); it says nothing about the class.
 */
export function renderTeacherPage(input: TeacherPageInput = {}): string {
  const language = input.language ?? 'en';
  const words = TEACHER_PAGE_WORDS[language];
  const problem = input.problem ? `<p class="bad" role="alert">${escapeHtml(input.problem(words))}</p>` : '';
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${words.title}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 34rem; margin: 2rem auto; padding: 0 1rem; color: #1d2433; }
h1 { font-size: 1.4rem; } .bad { color: #a3261b; } .muted { color: #5b6475; }
label { display: block; font-weight: 600; margin-bottom: .3rem; }
input { font: 1.1rem/1.4 ui-monospace, monospace; padding: .4rem .6rem; width: 100%; box-sizing: border-box; }
button { font: inherit; padding: .4rem 1rem; margin-top: .8rem; }
</style>
</head>
<body>
<h1>${words.heading}</h1>
<p>${words.intro}</p>
${problem}
<form method="post" action="/teacher">
<label for="key">${words.keyLabel}</label>
<input id="key" name="key" type="password" autocomplete="off" autocapitalize="none" spellcheck="false" maxlength="200" required autofocus>
<button type="submit">${words.open}</button>
</form>
<p class="muted"><small>${words.footer}</small></p>
</body>
</html>
`;
}

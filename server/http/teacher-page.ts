import { escapeHtml } from '../public-check/check-page.js';

export interface TeacherPageInput {
  /** Shown above the form: why the last attempt failed. */
  problem?: string | undefined;
}

/**
 * The small page another device gets at /teacher: one field for the teacher key. Plain HTML without scripts (the
 * same strict CSP as the check page); it says nothing about the class.
 */
export function renderTeacherPage(input: TeacherPageInput = {}): string {
  const problem = input.problem ? `<p class="bad" role="alert">${escapeHtml(input.problem)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Aula: enter the teacher key</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 34rem; margin: 2rem auto; padding: 0 1rem; color: #1d2433; }
h1 { font-size: 1.4rem; } .bad { color: #a3261b; } .muted { color: #5b6475; }
label { display: block; font-weight: 600; margin-bottom: .3rem; }
input { font: 1.1rem/1.4 ui-monospace, monospace; padding: .4rem .6rem; width: 100%; box-sizing: border-box; }
button { font: inherit; padding: .4rem 1rem; margin-top: .8rem; }
</style>
</head>
<body>
<h1>Open the teacher's dashboard</h1>
<p>Enter the teacher key. It is shown in <strong>Settings</strong> of the dashboard on the computer running Aula.</p>
${problem}
<form method="post" action="/teacher">
<label for="key">Teacher key</label>
<input id="key" name="key" type="password" autocomplete="off" autocapitalize="none" spellcheck="false" maxlength="200" required autofocus>
<button type="submit">Open the dashboard</button>
</form>
<p class="muted"><small>This device then stays signed in (a cookie) until the key is regenerated. Students: the page that checks the connection is at <a href="/check">/check</a>.</small></p>
</body>
</html>
`;
}

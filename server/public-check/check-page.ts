import type { CodeCheck } from './check-activity.js';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

export interface CheckPageInput {
  /** The address this browser reached Aula at, from its Host header (what to type in the game). */
  reachedAt: string;
  yourAddress: string;
  code?: string | undefined;
  check?: CodeCheck | undefined;
}

function codeVerdict(code: string, check: CodeCheck): string {
  const shown = `<code>${escapeHtml(code)}</code>`;
  if (!check.exists) {
    return `<p class="bad">No activity has the tracking code ${shown}. Compare it with the code the teacher shows, character by character (capitals count).</p>`;
  }
  if (!check.open) return `<p class="warn">The activity ${shown} exists but is closed: games cannot start until the teacher opens it.</p>`;
  return `<p class="good">The activity ${shown} exists and is open: games with this code can start.</p>`;
}

/**
 * The page a student's browser gets at `/` (not the dashboard): proof that this machine reaches Aula, and a check
 * of a tracking code. Plain HTML that works without scripts; it names nothing about the class.
 */
export function renderCheckPage(input: CheckPageInput): string {
  const reachedAt = escapeHtml(input.reachedAt);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Aula collector: reachable</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 38rem; margin: 2rem auto; padding: 0 1rem; color: #1d2433; }
h1 { font-size: 1.4rem; } code { background: #eef1f6; padding: 0 .25rem; border-radius: 3px; }
.good { color: #17663a; } .warn { color: #8a5a00; } .bad { color: #a3261b; }
form { margin: 1.5rem 0; } input { font: inherit; padding: .3rem .5rem; } button { font: inherit; padding: .3rem .8rem; }
</style>
</head>
<body>
<h1 class="good">✓ This computer can reach the Aula collector</h1>
<p>Reached at <code>http://${reachedAt}/</code> from the address <code>${escapeHtml(input.yourAddress)}</code>.</p>
<p>In the game's settings, use the host <code>http://${reachedAt}/</code> and the tracking code your teacher gives you.</p>
<form method="get" action="/">
<label for="code">Check a tracking code:</label>
<input id="code" name="code" maxlength="64" autocomplete="off" value="${escapeHtml(input.code ?? '')}">
<button type="submit">Check</button>
</form>
${input.code && input.check ? codeVerdict(input.code, input.check) : ''}
<p><small>This page is all other computers see of Aula. Teacher on a tablet or another computer? <a href="/teacher">Open the dashboard with the teacher key</a>.</small></p>
</body>
</html>
`;
}

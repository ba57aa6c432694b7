import type { CodeCheck } from './check-activity.js';
import { CHECK_PAGE_WORDS, type CheckPageLanguage, type CheckPageWords } from './check-page-words.js';

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
  /** The browser's preferred language among the page's (Accept-Language); English when absent. */
  language?: CheckPageLanguage | undefined;
}

function codeVerdict(words: CheckPageWords, code: string, check: CodeCheck): string {
  const shown = `<code>${escapeHtml(code)}</code>`;
  if (!check.exists) return `<p class="bad">${words.noSuchCode(shown)}</p>`;
  if (!check.open) return `<p class="warn">${words.closed(shown)}</p>`;
  if (check.gameVersion) return `<p class="good">${words.gameVersion(shown)}</p>`;
  return `<p class="good">${words.open(shown)}</p>`;
}

/**
 * The page a student's browser gets at `/` (not the dashboard): proof that this machine reaches Aula, and a check
 * of a tracking code. Plain HTML that works without scripts; it names nothing about the class.
 */
export function renderCheckPage(input: CheckPageInput): string {
  const language = input.language ?? 'en';
  const words = CHECK_PAGE_WORDS[language];
  const host = `<code>http://${escapeHtml(input.reachedAt)}/</code>`;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${words.title}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 38rem; margin: 2rem auto; padding: 0 1rem; color: #1d2433; }
h1 { font-size: 1.4rem; } code { background: #eef1f6; padding: 0 .25rem; border-radius: 3px; }
.good { color: #17663a; } .warn { color: #8a5a00; } .bad { color: #a3261b; }
form { margin: 1.5rem 0; } input { font: inherit; padding: .3rem .5rem; } button { font: inherit; padding: .3rem .8rem; }
</style>
</head>
<body>
<h1 class="good">${words.reachable}</h1>
<p>${words.reachedAt(host, `<code>${escapeHtml(input.yourAddress)}</code>`)}</p>
<p>${words.gameHost(host)}</p>
<form method="get" action="/">
<label for="code">${words.checkLabel}</label>
<input id="code" name="code" maxlength="64" autocomplete="off" value="${escapeHtml(input.code ?? '')}">
<button type="submit">${words.checkButton}</button>
</form>
${input.code && input.check ? codeVerdict(words, input.code, input.check) : ''}
<p><small>${words.footer((text) => `<a href="/teacher">${text}</a>`)}</small></p>
</body>
</html>
`;
}

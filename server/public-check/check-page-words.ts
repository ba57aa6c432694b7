/** The languages the check page speaks: the first is the one for a browser that prefers none of them. */
export const CHECK_PAGE_LANGUAGES = ['en', 'es'] as const;
export type CheckPageLanguage = (typeof CHECK_PAGE_LANGUAGES)[number];

/** The check page's wording; every argument is HTML already escaped (`code` a `<code>` element). */
export interface CheckPageWords {
  title: string;
  reachable: string;
  reachedAt(url: string, address: string): string;
  gameHost(url: string): string;
  checkLabel: string;
  checkButton: string;
  noSuchCode(code: string): string;
  closed(code: string): string;
  open(code: string): string;
  gameVersion(code: string): string;
  footer(link: (text: string) => string): string;
}

const en: CheckPageWords = {
  title: 'Aula collector: reachable',
  reachable: '✓ This computer can reach the Aula collector',
  reachedAt: (url, address) => `Reached at ${url} from the address ${address}.`,
  gameHost: (url) => `In the game's settings, use the host ${url} and the tracking code your teacher gives you.`,
  checkLabel: 'Check a tracking code:',
  checkButton: 'Check',
  noSuchCode: (code) =>
    `No activity has the tracking code ${code}. Compare it with the code the teacher shows, character by character (capitals count).`,
  closed: (code) => `The activity ${code} exists but is closed: games cannot start until the teacher opens it.`,
  open: (code) => `The activity ${code} exists and is open: games with this code can start.`,
  gameVersion: (code) =>
    `The code ${code} is a game version's, not a class activity's: games with it can start at any time (no teacher opens or closes it).`,
  footer: (link) =>
    `This page is all other computers see of Aula. Teacher on a tablet or another computer? ${link('Open the dashboard with the teacher key')}.`,
};

const es: CheckPageWords = {
  title: 'Colector de Aula: accesible',
  reachable: '✓ Este ordenador puede conectar con el colector de Aula',
  reachedAt: (url, address) => `Conectado a ${url} desde la dirección ${address}.`,
  gameHost: (url) => `En los ajustes del juego, usa como host ${url} y el código de seguimiento que te dé tu docente.`,
  checkLabel: 'Comprobar un código de seguimiento:',
  checkButton: 'Comprobar',
  noSuchCode: (code) =>
    `Ninguna actividad tiene el código de seguimiento ${code}. Compáralo con el código que muestra el docente, carácter a carácter (las mayúsculas cuentan).`,
  closed: (code) => `La actividad ${code} existe pero está cerrada: los juegos no pueden empezar hasta que el docente la abra.`,
  open: (code) => `La actividad ${code} existe y está abierta: los juegos con este código pueden empezar.`,
  gameVersion: (code) =>
    `El código ${code} es de una versión del juego, no de una actividad de clase: los juegos con él pueden empezar en cualquier momento (ningún docente lo abre ni lo cierra).`,
  footer: (link) =>
    `Esta página es todo lo que los demás ordenadores ven de Aula. ¿Eres docente y usas una tableta u otro ordenador? ${link('Abre el panel con la clave de docente')}.`,
};

export const CHECK_PAGE_WORDS: Record<CheckPageLanguage, CheckPageWords> = { en, es };

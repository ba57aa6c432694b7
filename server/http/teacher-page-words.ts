import { CHECK_PAGE_LANGUAGES, type CheckPageLanguage } from '../public-check/check-page-words.js';

/** The key page speaks the check page's languages, picked the same way (the browser's Accept-Language). */
export const TEACHER_PAGE_LANGUAGES = CHECK_PAGE_LANGUAGES;
export type TeacherPageLanguage = CheckPageLanguage;

/** The /teacher page's wording, HTML as written here (nothing in it comes from a request); a problem is escaped. */
export interface TeacherPageWords {
  title: string;
  heading: string;
  intro: string;
  keyLabel: string;
  open: string;
  footer: string;
  /** Why the form was refused. */
  crossSite: string;
  typeKey: string;
  tooMany(minutes: number): string;
  wrongKey: string;
}

const en: TeacherPageWords = {
  title: 'Aula: enter the teacher key',
  heading: "Open the teacher's dashboard",
  intro: 'Enter the teacher key. It is shown in <strong>Settings</strong> of the dashboard on the computer running Aula.',
  keyLabel: 'Teacher key',
  open: 'Open the dashboard',
  footer:
    'This device then stays signed in (a cookie) until the key is regenerated. Students: the page that checks the connection is at <a href="/check">/check</a>.',
  crossSite: 'This form can only be sent from this page, not from another web site.',
  typeKey: 'Type the teacher key.',
  tooMany: (minutes) => `Too many wrong keys from this device. Try again in ${minutes} minute(s).`,
  wrongKey: 'That is not the teacher key. Check it in Settings on the computer running Aula (capitals and dashes do not matter).',
};

// Settings is "Ajustes", as the dashboard in Spanish names it.
const es: TeacherPageWords = {
  title: 'Aula: escribe la clave de docente',
  heading: 'Abrir el panel del docente',
  intro: 'Escribe la clave de docente. Aparece en <strong>Ajustes</strong> del panel, en el ordenador donde se ejecuta Aula.',
  keyLabel: 'Clave de docente',
  open: 'Abrir el panel',
  footer:
    'Después, este dispositivo sigue conectado (con una cookie) hasta que se cree una clave nueva. Alumnos: la página que comprueba la conexión está en <a href="/check">/check</a>.',
  crossSite: 'Este formulario solo se puede enviar desde esta página, no desde otro sitio web.',
  typeKey: 'Escribe la clave de docente.',
  tooMany: (minutes) =>
    `Demasiadas claves incorrectas desde este dispositivo. Vuelve a intentarlo dentro de ${minutes === 1 ? '1 minuto' : `${minutes} minutos`}.`,
  wrongKey: 'Esa no es la clave de docente. Compruébala en Ajustes, en el ordenador donde se ejecuta Aula (las mayúsculas y los guiones no cuentan).',
};

export const TEACHER_PAGE_WORDS: Record<TeacherPageLanguage, TeacherPageWords> = { en, es };

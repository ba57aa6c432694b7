import type { Catalog } from '../catalog';
import type { common as english } from '../en/common';

/** Spanish wording of what every screen shares: the header, the navigation, the shared components and states. */
export const common: Catalog<typeof english> = {
  brand: 'Aula',
  skipToContent: 'Saltar al contenido',
  languageLabel: 'Idioma',
  nav: {
    label: 'Pantallas',
    live: 'En directo',
    activities: 'Actividades',
    alerts: 'Alertas y avisos',
    classes: 'Clases',
    results: 'Resultados',
    players: 'Jugadores',
    statements: 'Trazas',
    connect: 'Conectar',
    diagnostics: 'Diagnóstico',
    data: 'Datos',
    settings: 'Ajustes',
  },
  totals: {
    statements_one: '<strong>{{count, number}}</strong> traza',
    statements_other: '<strong>{{count, number}}</strong> trazas',
    liveTitle:
      'En directo: las sesiones que En directo muestra activas: sin terminar y con su juego en silencio durante menos minutos que los de la alerta Inactivo de la actividad, o menos de 3 minutos si esa alerta está desactivada',
    live: '<strong>{{live, number}}</strong> en directo / {{sessions, number}} sesiones',
    players_one: '<strong>{{count, number}}</strong> jugador',
    players_other: '<strong>{{count, number}}</strong> jugadores',
    students_one: '{{count, number}} alumno',
    students_other: '{{count, number}} alumnos',
    xapiPlayers_one: '{{count, number}} jugador xAPI',
    xapiPlayers_other: '{{count, number}} jugadores xAPI',
    anonymous_one: '{{count, number}} anónimo',
    anonymous_other: '{{count, number}} anónimos',
    refusedTitle: 'Peticiones de juegos que Aula rechazó: Diagnóstico las muestra con qué hacer',
    refused: '{{count, number}} rechazadas',
  },
  connection: {
    live: 'conectado',
    connecting: 'conectando…',
    offline: 'sin conexión — reintentando',
  },
  api: {
    unreachable: 'Aula no responde. ¿Sigue en marcha el colector?',
    answered: 'Aula ha respondido {{status}}.',
  },
  screenFailed: 'Esta pantalla no se pudo mostrar.',
  notFound: {
    title: 'No encontrada',
    body: 'No hay ninguna pantalla en {{path}}.',
    back: 'Volver a En directo',
  },
  states: {
    error: 'Algo ha fallado.',
    tryAgain: 'Reintentar',
    loading: 'Cargando…',
  },
  confirm: {
    close: 'Cerrar',
    cancel: 'Cancelar',
  },
  copy: {
    copy: 'Copiar',
    copied: 'Copiado ✓',
    failed: 'No se pudo copiar',
    copiedStatus: 'Copiado al portapapeles',
    failedStatus: 'No se pudo copiar',
  },
  player: {
    anonymous: 'anónimo',
    anonymousTitle: 'Jugó sin iniciar sesión',
    xapi: 'xAPI',
    xapiTitle: 'Nombrado por un juego xAPI (su nombre, correo o cuenta), no es un alumno de la lista de clase',
    student: 'alumno',
    studentTitle: 'Inició sesión como alumno de la lista de clase',
  },
  qrFailed: 'No se pudo dibujar el código QR; usa la dirección y el código.',
  chart: {
    label: 'Trazas por minuto, últimos {{minutes}} minutos: {{total, number}} en total',
    caption: 'Trazas por minuto',
    window: '(últimos {{minutes}} min: {{total, number}})',
    series: 'Trazas',
  },
  activityPicker: {
    label: 'Actividad',
    closed: '{{name}} (cerrada)',
    /** An activity and a screen's word about it (Alerts: its alerts and warnings). */
    withNote: '{{name}} — {{note}}',
  },
  classField: {
    label: 'Clase',
    none: 'sin clase (cualquiera)',
  },
  progress: {
    label: 'Progreso {{percent}}',
  },
};

import type { Catalog } from '../catalog';
import type { results as english } from '../en/results';

/** Spanish wording of the dashboard's results namespace. */
export const results: Catalog<typeof english> = {
  title: 'Resultados',
  downloadCsv: 'Descargar CSV',
  noActivity: {
    title: 'Aún no hay ninguna actividad',
    body: 'Crea primero una actividad para tu clase: <go>Actividades → Nueva actividad</go>. Aquí aparecen los resultados de cada alumno (tiempo jugado, niveles completados, respuestas, puntuaciones) a medida que juegan.',
  },
  nobodyPlayed: {
    title: 'Nadie ha jugado aún a esta actividad',
    withCode:
      'Abre el juego en el ordenador de un alumno con el código de seguimiento <code>{{code}}</code> y la dirección de este colector, que está en <go>Conectar</go>. Los resultados aparecen aquí a medida que juegan los alumnos.',
    withoutCode:
      'Abre el juego en el ordenador de un alumno con su código de seguimiento y la dirección de este colector, que está en <go>Conectar</go>. Los resultados aparecen aquí a medida que juegan los alumnos.',
  },
  theClass: 'la clase',
  finished_one: 'Han terminado el juego: <strong>{{percent}}</strong> de {{count, number}} jugador.',
  finished_other: 'Han terminado el juego: <strong>{{percent}}</strong> de {{count, number}} jugadores.',
  otherClass_one:
    'No cuenta: {{count, number}} alumno de otra clase, que jugó con el código de seguimiento de esta actividad (marcado «no es de {{className}}»).',
  otherClass_other:
    'No cuentan: {{count, number}} alumnos de otra clase, que jugaron con el código de seguimiento de esta actividad (marcados «no es de {{className}}»).',
  notStartedLast_one: 'Sin empezar: {{count, number}} alumno de {{className}}, al final de la lista.',
  notStartedLast_other: 'Sin empezar: {{count, number}} alumnos de {{className}}, al final de la lista.',
  notStartedOnly_one: 'Sin empezar: {{count, number}} alumno de {{className}}.',
  notStartedOnly_other: 'Sin empezar: {{count, number}} alumnos de {{className}}.',
  notStartedLastSince_one: 'Sin empezar desde {{time}}: {{count, number}} alumno de {{className}}, al final de la lista.',
  notStartedLastSince_other: 'Sin empezar desde {{time}}: {{count, number}} alumnos de {{className}}, al final de la lista.',
  notStartedOnlySince_one: 'Sin empezar desde {{time}}: {{count, number}} alumno de {{className}}.',
  notStartedOnlySince_other: 'Sin empezar desde {{time}}: {{count, number}} alumnos de {{className}}.',
  lesson: {
    show: 'Mostrar',
    current: 'esta lección, desde {{time}}',
    all: 'todas las lecciones',
  },
  nobodyThisLesson: {
    title: 'Nadie ha jugado aún en esta lección',
    body: 'Ningún juego ha enviado nada desde {{time}}, cuando se volvió a abrir la actividad. Las lecciones anteriores están en Mostrar: todas las lecciones.',
  },
  columns: {
    player: 'Jugador',
    sessions: 'Sesiones',
    timePlayed: 'Tiempo jugado',
    progress: 'Progreso',
    completed: 'Completados',
    correct: 'Correctas',
    incorrect: 'Incorrectas',
    bestScore: 'Mejor puntuación',
    lastScore: 'Última puntuación',
  },
  seconds: '{{count, number}} s',
  minutes: '{{count, number}} min',
  percent: '{{value, number}} %',
  score: '{{value, number(useGrouping: false)}}',
  otherClassBadge: 'no es de {{className}} — {{classes}}',
  otherClassTitle:
    'Entró con el código de seguimiento de esta actividad, pero no es alumno de {{className}}: no cuenta en las cifras de la clase',
  notStartedBadge: 'sin empezar',
  notStartedTitle: 'Un alumno de la clase que aún no tiene ninguna sesión en esta actividad',
  answersTo: 'Respuestas a {{name}}',
  chosen: 'elegida',
  answerFigure: '{{response}}: {{count, number}}',
  levels: {
    title: 'Niveles y cuestionarios',
    wholeGame: '{{name}} (juego completo)',
    playersCompleted: 'jugadores que lo completaron',
    averageScore: 'puntuación media',
    figures_one: '{{name}}: {{count, number}} lo ha completado',
    figures_other: '{{name}}: {{count, number}} lo han completado',
    figuresWithScore_one: '{{name}}: {{count, number}} lo ha completado · puntuación media {{score}}',
    figuresWithScore_other: '{{name}}: {{count, number}} lo han completado · puntuación media {{score}}',
  },
  erase: {
    open: 'Borrar los datos de este jugador…',
    statements_one: '{{count, number}} traza',
    statements_other: '{{count, number}} trazas',
    sessions_one: '{{count, number}} sesión',
    sessions_other: '{{count, number}} sesiones',
    erased:
      'Se han borrado {{statements}} y {{sessions}}. Las copias de seguridad hechas antes del borrado aún tienen los datos (Ajustes → Copias de seguridad).',
    erasedLast:
      'Se han borrado {{statements}} y {{sessions}}: eran sus últimos datos, así que también se ha borrado el jugador. Las copias de seguridad hechas antes del borrado aún tienen los datos (Ajustes → Copias de seguridad).',
    panel: 'Borrar datos',
    intro:
      '<strong>Borrar los datos de {{label}}.</strong> Sus trazas, sesiones, resultados y alertas se eliminan para siempre (no estarán en las exportaciones ni en las subidas); el borrado queda registrado sin su nombre. No se puede deshacer.',
    where: 'Dónde',
    whereLabel: 'Dónde borrar',
    everywhere: 'en todas partes (y el propio jugador)',
    onlyIn: 'solo en {{name}}',
    lastData: 'Son sus últimos datos: también se borra el jugador, que ya no aparece en Jugadores.',
    understand: 'Entiendo que no se puede deshacer',
    erase: 'Borrar',
    cancel: 'Cancelar',
  },
};

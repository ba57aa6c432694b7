import type { Catalog } from '../catalog';
import type { live as english } from '../en/live';

/** Spanish wording of the dashboard's live namespace. */
export const live: Catalog<typeof english> = {
  title: 'En directo',
  facts: {
    open: 'Código <code>{{code}}</code> · abierta',
    closed: 'Código <code>{{code}}</code> · cerrada: no pueden unirse juegos nuevos',
  },
  noActivity: {
    title: 'Todavía no hay ninguna actividad',
    body:
      'Crea primero una actividad para tu clase: <activities>Actividades → Nueva actividad</activities>. Después configura los juegos de los alumnos para Aula con la dirección y el código de seguimiento de la pantalla <connect>Conectar</connect>.',
  },
  noSession: {
    title: 'Todavía no se ha conectado ningún juego',
    body:
      'Abre el juego en el ordenador de un alumno con el código de seguimiento <code>{{code}}</code> y la dirección de este colector que verás en <connect>Conectar</connect>. Las sesiones aparecen aquí en cuanto empieza un juego.',
  },
  toolbar: {
    legend: 'Filtrar sesiones',
    find: 'Buscar un jugador',
    findPlaceholder: 'nombre o usuario',
    show: 'Mostrar',
    all: 'todas las sesiones ({{count}})',
    lesson: 'esta lección, desde {{time}} ({{count}})',
    active: 'activas ({{count}})',
    idle: 'inactivas ({{count}})',
    finished: 'terminadas ({{count}})',
    ended: 'finalizadas ({{count}})',
  },
  idleAfter: {
    fromRule:
      'Inactiva tras {{minutes, number(maximumFractionDigits: 2)}} min, según la alerta de inactividad de esta actividad (<alerts>cámbialo en Alertas</alerts>)',
    byDefault:
      'Inactiva tras {{minutes, number(maximumFractionDigits: 2)}} min, lo predeterminado mientras la alerta de inactividad de esta actividad está desactivada (<alerts>cámbialo en Alertas</alerts>)',
  },
  columns: {
    player: 'Jugador',
    number: 'Sesión',
    started: 'Inicio',
    lastSeen: 'Última señal',
    statements: 'Trazas',
    lastAction: 'Última acción',
    progress: 'Progreso',
    result: 'Resultado',
  },
  ended: 'finalizada {{time}}',
  nothingYet: 'nada todavía',
  noMatch: 'Ninguna sesión coincide con estos filtros.',
  cut: 'Aquí solo se listan y cuentan las {{shown, number}} sesiones más recientes; <results>Resultados</results> cuenta todas las sesiones de esta actividad, y <data>Datos</data> exporta las trazas de todas ellas.',
  refusedBatches_one: '{{count, number}} lote rechazado',
  refusedBatches_other: '{{count, number}} lotes rechazados',
  theClass: 'la clase',
  duration: {
    justNow: 'ahora mismo',
    seconds: '{{seconds}} s',
    minutes: '{{minutes}} min',
    hoursMinutes: '{{hours}} h {{minutes}} min',
    hours: '{{hours}} h',
    days: '{{days}} d',
    ago: 'hace {{duration}}',
  },
  lastSeen: {
    idle: 'inactiva {{duration}}',
    finished: 'terminada hace {{duration}}',
  },
  news: {
    started: 'Nueva sesión: {{name}}.',
    startedMany: '{{n, number}} sesiones nuevas: {{names}}.',
    idle: 'Inactivo ahora: {{name}}.',
    idleMany: '{{n, number}} sesiones inactivas ahora: {{names}}.',
    andMore: '{{shown}} y {{n, number}} más',
  },
  notStarted: {
    title_one: 'Sin empezar: {{missing, number}} de {{count, number}} alumno de {{className}}',
    title_other: 'Sin empezar: {{missing, number}} de {{count, number}} alumnos de {{className}}',
    titleSince_one: 'Sin empezar desde {{since}}: {{missing, number}} de {{count, number}} alumno de {{className}}',
    titleSince_other: 'Sin empezar desde {{since}}: {{missing, number}} de {{count, number}} alumnos de {{className}}',
    lessonBegan: 'Esta lección empezó al volver a abrir la actividad: aparece aquí quien solo jugó antes.',
    hint:
      'Un alumno que juega sin iniciar sesión aparece arriba con un nombre de animal, no aquí; primero aparece, con cuándo ocurrió, quien no pudo iniciar sesión en la última hora (y no lo ha hecho desde entonces) o quien fue rechazado por la actividad de otra clase (tecleó su código de seguimiento por error), después quien juega en otra actividad (¿tecleó su código de seguimiento por error?), y todos los inicios de sesión fallidos están en <diagnostics>Diagnóstico</diagnostics>.',
    loginFailed: 'no pudo iniciar sesión {{ago}}',
    loginFailedTimes: 'no pudo iniciar sesión {{n, number}} veces, la última {{ago}}',
    loggedInAfterFailing_one: 'inició sesión {{ago}}, tras un intento fallido',
    loggedInAfterFailing_other: 'inició sesión {{ago}}, tras {{count, number}} intentos fallidos',
    playing: 'jugando a {{activity}} (código {{code}}), {{ago}}',
    refused: 'rechazado por {{activity}} (código {{code}}), {{ago}}',
    refusedTimes: 'rechazado {{n, number}} veces por {{activity}} (código {{code}}), la última {{ago}}',
  },
  outsiders: {
    title_one: 'Juega aquí sin ser de {{className}}: {{count, number}} alumno',
    title_other: 'Juegan aquí sin ser de {{className}}: {{count, number}} alumnos',
    hint:
      'Iniciaron sesión con el código de seguimiento de esta actividad: si fue por error, su juego tiene que empezar de nuevo con el código de su propia clase. Lo que enviaron se queda en esta actividad (en sus Resultados y exportaciones) salvo que lo borres de esta actividad en su página (su nombre, arriba).',
    noClass: 'sin clase',
    class_one: 'clase {{list}}',
    class_other: 'clases {{list}}',
    noneOpen: '{{classes}}; ninguna actividad de sus clases está abierta',
    plays: '{{classes}} — su clase juega a {{open}}',
    openActivity: '{{name}}, código {{code}}',
  },
};

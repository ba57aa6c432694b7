import type { Catalog } from '../catalog';
import type { diagnostics as english } from '../en/diagnostics';

/** Spanish wording of the dashboard's diagnostics namespace. */
export const diagnostics: Catalog<typeof english> = {
  title: 'Diagnóstico',
  network: {
    title: 'Este ordenador en la red',
    off: 'Nombre en la red: desactivado ({{reason}}).',
    name: 'Nombre en la red: <code>{{hostName}}</code> ({{state}}, {{addresses}})',
    nameNoNetwork: 'Nombre en la red: <code>{{hostName}}</code> ({{state}}, aún sin red)',
    conflict: 'Otro dispositivo usa {{conflict}}, así que Aula tomó {{hostName}}.',
    lastClient: 'Último juego o navegador desde otro ordenador: {{address}} a las {{time}}.',
    noClient: 'Ningún otro ordenador se ha conectado desde que Aula arrancó.',
  },
  mdnsState: {
    probing: 'comprobando',
    announced: 'anunciado',
    failed: 'fallido',
    stopped: 'detenido',
  },
  mdnsNoFreeName: 'No se encontró ningún nombre libre en esta red',
  empty: {
    title: 'No hay problemas de conexión',
    body: 'Las peticiones rechazadas y los juegos que dejan de enviar aparecen aquí en cuanto ocurren, cada uno con qué hacer.',
  },
  groups: {
    'unknown-code': 'Inicios con un código de seguimiento desconocido',
    'activity-closed': 'Inicios rechazados: la actividad está cerrada',
    'not-allowed': 'Inicios rechazados: la actividad no acepta a estos jugadores',
    'invalid-track': 'Trazas rechazadas por no válidas',
    'unknown-token': 'Trazas con una sesión desconocida (authToken)',
    'login-failed': 'Inicios de sesión de alumnos fallidos',
    'silent-games': 'Juegos que dejaron de enviar',
    busy: 'Juegos a los que se pidió esperar: Aula estaba ocupado',
    other: 'Otras peticiones rechazadas',
  },
  columns: {
    lastSeen: 'Última vez',
    last: 'Última',
    player: 'Jugador',
    codeTried: 'Código probado',
    message: 'Mensaje',
    activity: 'Actividad',
    from: 'Desde',
    times: 'Veces',
    whatToDo: 'Qué hacer',
  },
  sampleSent: 'Muestra enviada',
  refusedBy: ' — rechazado por {{activity}}: no es de su clase',
  withActivity: ' · {{activity}}',
  markHandled: 'Marcar como resuelto',
  more_one: 'Y {{count, number}} línea distinta más, anterior a estas, sin mostrar; el número de arriba la cuenta. «Marcar como resuelto» la oculta también; si vuelve a pasar, aparece aquí.',
  more_other:
    'Y {{count, number}} líneas distintas más, anteriores a estas, sin mostrar; el número de arriba las cuenta. «Marcar como resuelto» las oculta también; las que vuelvan a pasar aparecen aquí.',
  listAll: 'Mostrarlas todas',
  moreSilent_one: 'Y {{count, number}} juego silencioso más, sin mostrar: En directo lo muestra entre las sesiones inactivas de su actividad.',
  moreSilent_other: 'Y {{count, number}} juegos silenciosos más, sin mostrar: En directo los muestra entre las sesiones inactivas de cada actividad.',
  session: {
    title: 'Lotes rechazados de {{who}} · {{activity}}',
    titleNoActivity: 'Lotes rechazados de {{who}}',
    refused_one: 'En directo cuenta {{count, number}} lote rechazado de este juego.',
    refused_other: 'En directo cuenta {{count, number}} lotes rechazados de este juego.',
    everyOne:
      'Aquí aparecen todos los rechazos de esta sesión que Aula guarda, por antiguos que sean, también los marcados como resueltos. La pantalla completa muestra solo los de la última hora sin resolver.',
    unlisted_one: '{{count, number}} lote rechazado, entre los rechazos más antiguos, no aparece: solo aparecen los {{listed, number}} más recientes.',
    unlisted_other: '{{count, number}} lotes rechazados, entre los rechazos más antiguos, no aparecen: solo aparecen los {{listed, number}} más recientes.',
    none: 'Aula ya no guarda ningún rechazo de esta sesión',
    noneBody: 'Los rechazos se guardan 30 días, salvo que Aula se haya configurado de otro modo, y se borran con los datos de su jugador.',
    back: 'Todo el diagnóstico',
    notFound: 'No existe esa sesión',
    notFoundBody: 'Los datos de su jugador se borraron, o el enlace está mal.',
    invalid: 'Este enlace no indica ninguna sesión',
    invalidBody: 'Una sesión se indica con su número de identificación, como lo llevan los enlaces de En directo.',
  },
  who: {
    session: '{{name}} · sesión {{number}}',
    ofClasses: '{{name}} de {{classes}}',
    noClass: '{{name}}, sin clase',
  },
  tlsMessage: 'Un juego se conectó con https:// a este puerto, que solo habla http://',
  noAuthorizationMessage: 'Sin authToken: trazas enviadas sin el authToken de un inicio (sin cabecera Authorization, o null)',
  erasedSessionMessage: 'Trazas de una sesión cuyo jugador tiene los datos borrados: rechazadas, y no se guardan',
  groupFix: {
    'unknown-code':
      'Estos juegos usan un código de seguimiento que no tiene ninguna actividad: dales el código que muestra la pantalla Conectar (se sugiere el código existente más parecido).',
    'activity-closed': 'Abre la actividad en la pantalla Actividades; los juegos pueden empezar en cuanto esté abierta.',
    'not-allowed':
      'La actividad solo acepta alumnos de su clase que hayan iniciado sesión: deja entrar a jugadores anónimos, o haz que los alumnos inicien sesión primero.',
    'invalid-track':
      'El juego envía trazas que Aula no puede aceptar: su tracker las reenvía una y otra vez y retiene todo lo que el alumno hace después, así que su progreso deja de verse. Actualiza el tracker del juego, o envía el mensaje y la muestra de abajo a quien lo desarrolla.',
    'unknown-token':
      'El juego usa una sesión que Aula no conoce (empezada en otro colector, o antes de que se borraran los datos): reinicia el juego.',
    'login-failed': 'Comprueba el usuario y la contraseña del alumno en la lista de clase, o ponle una contraseña nueva.',
    'silent-games':
      'Estos juegos dejaron de enviar: comprueba que el juego sigue abierto y que su ordenador está encendido y en la red del aula.',
    busy: 'Llegó de golpe más de lo que Aula admite en un momento (muchos juegos enviando lo que guardaban, por ejemplo al volver la red): a estos juegos se les pidió reintentar enseguida, y la mayoría de los trackers vuelven a enviar las mismas trazas por sí solos. Si pasa a menudo jugando con normalidad, este ordenador es demasiado lento para tantos juegos.',
    other:
      'Rechazadas por el motivo indicado: lo que se le dijo al juego, la dirección a la que envió cuando Aula no sirve nada allí, o cómo se conectó; cada línea dice qué cambiar cuando Aula lo sabe.',
  },
  fix: {
    activity: 'Actividad: {{activity}}',
    wrongPathXapi:
      'Aula responde a esto en {{request}}: pon como endpoint xAPI del juego la dirección y el puerto de este ordenador seguidos de /xapi/, con su barra final.',
    wrongPathRage:
      'Aula responde a esto en {{request}}: en los ajustes del tracker del juego, pon como host http:// con la dirección y el puerto de este ordenador y nada más, y como ruta base /api/.',
    noCloseCode: 'Ningún código existente se le parece.',
    didTheyMean: '¿Querían decir {{code}}?',
    didTheyMeanWrapped:
      '¿Querían decir {{code}}? El juego lo envió con un espacio, un salto de línea o comillas alrededor: pon exactamente {{code}} en el juego.',
    foreignToken:
      "El juego empezó con una cabecera Authorization que no es un token de inicio de sesión de un alumno de este Aula (caducado a los 7 días, de otro portátil, o no es 'Bearer <token>'): haz que el alumno vuelva a iniciar sesión, o empieza sin ella.",
    unknownPlayerId:
      'El juego devolvió un playerId que este Aula no conoce (de otro portátil, o borrado): empieza sin él, y guarda el playerId que responda el nuevo inicio.',
    anonymousNotString:
      'El juego envió {"anonymous": …} con algo que no es el texto playerId de un inicio anterior: envía ese texto, o nada.',
    loginEnded: 'La sesión del alumno terminó al cerrar sesión o al cambiar la contraseña: vuelve a iniciar sesión y después empieza.',
    notJson:
      'El juego envió un cuerpo que no es JSON: revisa cómo construye la petición (un array de trazas en track, {} o nada en start).',
    https:
      'Pon el host del juego con http:// delante y el puerto detrás, p. ej. http://192.168.1.10:3000/ (js-tracker sin http:// usa https).',
    noXapiResource:
      'El endpoint xAPI del juego está mal: ponle la dirección y el puerto de este ordenador seguidos de /xapi/ (las trazas van entonces a /xapi/statements).',
    unknownCredentials:
      'Dale al juego la clave y el secreto que aparecen en Para juegos xAPI, en la tarjeta de la actividad (pantalla Conectar).',
    noCredentials:
      "El juego no envió clave ni secreto: pon su autenticación xAPI en HTTP Basic (js-tracker 1.x: oauth_type 'OAuth1') con la clave y el secreto que aparecen en Para juegos xAPI, en la tarjeta de la actividad (pantalla Conectar).",
    noAuthToken:
      'No es una sesión que Aula haya olvidado: el juego envía trazas antes de que su inicio funcione, o sin el authToken del inicio. Inicia primero y después envía ese authToken como cabecera Authorization de cada track (los trackers hacen ambas cosas).',
    erasedSession:
      'Los datos de este jugador se borraron con su juego aún abierto, y lo que envía ahora no se guarda: cierra el juego. Al iniciarlo de nuevo abre una sesión nueva.',
    notArray: 'Envía las trazas como un array JSON, [ … ], aunque sea una sola, y nunca uno vacío.',
    noVersion: 'Envía la cabecera X-Experience-API-Version: 1.0.3 (o 2.0.0) con cada petición xAPI.',
    badVersion: 'Envía X-Experience-API-Version 1.0.3 (cualquier 1.0.x) o 2.0.0: las versiones de xAPI que habla Aula.',
    tooLarge: 'Una petición pasaba de 8 MB: envía las trazas en lotes más pequeños.',
  },
  firstRun: {
    title: 'Todavía no ha llegado a Aula ningún juego desde otro ordenador',
    thisAddress: 'la dirección de este ordenador',
    intro:
      'Hay una actividad abierta, pero desde hace varios minutos no se ha conectado ningún otro ordenador. Las causas habituales, de la más probable a la menos. Para probar un arreglo, abre <code>http://{{address}}:{{port}}/</code> en un navegador del ordenador de un alumno: muestra una página que dice que Aula está accesible.',
    firewall: '<strong>El cortafuegos bloquea Aula</strong> (a menudo porque su aviso se cerró o se respondió «Cancelar»).',
    firewallWindows:
      'Windows: Inicio → «Permitir una aplicación a través del Firewall de Windows» → Cambiar la configuración → marca Aula (o Node.js) para redes <em>Privadas</em>, y también <em>Públicas</em> si la wifi del aula cuenta como pública, o añade una regla de entrada para el puerto TCP {{port}} (ambas cosas requieren un administrador).',
    firewallMac: 'macOS: Ajustes del Sistema → Red → Firewall → Opciones → pon Aula en «Permitir conexiones entrantes».',
    firewallLinux:
      'Linux: permite el puerto, p. ej. <code>sudo ufw allow {{port}}/tcp</code> o <code>sudo firewall-cmd --add-port={{port}}/tcp</code>.',
    otherNetwork:
      '<strong>Los ordenadores de los alumnos están en otra red</strong> (una segunda wifi, una red por cable, un punto de acceso de un móvil).',
    otherNetworkWindows: 'Windows: Configuración → Red e Internet muestra el nombre de la red; compáralo en los dos ordenadores.',
    otherNetworkMac: 'macOS: el menú Wi-Fi de la barra de menús muestra el nombre de la red.',
    otherNetworkLinux: 'Linux: el menú de red, o <code>nmcli connection show --active</code>.',
    isolation:
      '<strong>La wifi mantiene separados los dispositivos</strong> (las redes de invitados y algunas redes de centro usan «aislamiento de clientes»): los ordenadores llegan a Internet pero no entre sí. Usa la red del profesorado, pide al servicio informático que permita el tráfico a este ordenador en el puerto {{port}}, o conecta el aula con un pequeño router propio.',
    isolationWindows:
      'Windows: comprueba también que esta red sea <em>Privada</em> (Configuración → Red e Internet → la red → Tipo de perfil de red).',
    isolationOthers: 'macOS y Linux: no hay nada que ajustar en este ordenador; es la propia red la que debe permitirlo.',
  },
  connect: {
    nameSwitchedOff: 'El nombre en la red (aula.local) está desactivado; los juegos usan la dirección IP.',
    nameLoopback: 'Aula solo escucha en este ordenador, así que no tiene nombre en la red.',
    name: 'Nombre en la red:',
    copyName: 'Copiar la dirección con el nombre',
    conflict:
      'Otro dispositivo ya usa {{conflict}}, así que Aula tomó {{hostName}}. Los juegos configurados con {{conflict}} llegan al otro dispositivo: dales este nombre (o la dirección IP).',
    nameStays:
      'No cambia aunque cambie la dirección IP. Windows 10+, macOS, iOS y la mayoría de Linux lo resuelven; si un juego no puede, usa la dirección IP de arriba.',
    firstRunNotice: 'Todavía no ha llegado a Aula ningún juego desde otro ordenador.',
    firstRunLink: 'Mira las causas habituales y cómo arreglarlas',
  },
};

import type { EnglishCatalog } from './en.js';

/** The same keys as en.ts, every leaf a string: a key English gains and Spanish lacks fails the type check. */
export type Catalog<T> = { readonly [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** Spanish from Spain, addressing the teacher with "tú"; commands, flags and file formats stay as they are typed. */
export const es: Catalog<EnglishCatalog> = {
  class: {
    exists: 'Ya existe una clase llamada "{{name}}"',
    existsCaseless: '{{problem}} (en los nombres de clase no cuentan las mayúsculas).',
    notFound: 'Esa clase no existe.',
    inUse_one:
      'La clase {{name}} no se ha eliminado: la actividad {{activities}} está vinculada a ella. Una actividad con trazas no se elimina (son datos de investigación): primero asígnale otra clase o ninguna (pantalla Actividades, Cambiar; o aula activity edit CODE --class NAME o --no-class), elimina las que ningún juego ha jugado, o cambia el nombre de la clase',
    inUse_other:
      'La clase {{name}} no se ha eliminado: {{count}} actividades, {{activities}}, están vinculadas a ella. Una actividad con trazas no se elimina (son datos de investigación): primero asígnales otra clase o ninguna (pantalla Actividades, Cambiar; o aula activity edit CODE --class NAME o --no-class), elimina las que ningún juego ha jugado, o cambia el nombre de la clase',
    sentence: '{{text}}.',
  },
  student: {
    exists: 'Ya existe un alumno con el usuario "{{username}}"',
    existsEverywhere: 'Ya existe un alumno "{{username}}" (cada usuario es único en todas las clases).',
    noSuchStudent: 'No hay ningún alumno "{{username}}". Revisa cómo se escribe, o añade una cuenta nueva con contraseña.',
    alreadyInClass:
      '{{username}} ya está en la clase {{className}}. Para cambiar el rol, quita primero a {{username}} de la clase y vuelve a añadirlo.',
    alreadyInClassAs:
      '{{username}} ya está en la clase {{className}} (como {{role}}). Para cambiar el rol, quita primero a {{username}} de la clase y vuelve a añadirlo.',
    notInClass: 'Ese alumno ya no está en la clase {{className}}.',
    notFound: 'No hay ningún alumno "{{username}}". Consulta: aula student list',
    hasData_one:
      'No se ha eliminado nada: {{username}} aún tiene datos en Aula ({{count}} sesión). Bórralos primero (aula player erase {{player}} --yes) y luego elimina la cuenta. En el panel, la página del jugador los borra.',
    hasData_other:
      'No se ha eliminado nada: {{username}} aún tiene datos en Aula ({{count}} sesiones). Bórralos primero (aula player erase {{player}} --yes) y luego elimina la cuenta. En el panel, la página del jugador los borra.',
  },
  field: {
    className: 'Ponle un nombre a la clase',
    existingUsername: 'Escribe el usuario de un alumno que ya exista',
    activityName: 'Ponle un nombre a la actividad',
    activityChange: 'Di qué cambiar: name, classId o allowAnonymous.',
    confirmErasure: 'confirm debe ser true: un borrado no se puede deshacer',
  },
  role: { student: 'alumno', assistant: 'ayudante', teacher: 'docente' },
  activity: {
    notFound: 'Esa actividad no existe (puede que se haya eliminado).',
    unknownClass: 'Esa clase no existe.',
    noSuch: 'Esa actividad no existe.',
    hasData:
      'La actividad {{name}} no se ha eliminado: tiene {{sessions}}. Las actividades con datos no se eliminan (sus trazas son datos de investigación); ciérrala o cámbiale el nombre. Al final de un estudio, borra primero sus datos (aula activity erase CODE, o Actividades → Cambiar → Borrar los datos de esta actividad…) y luego elimínala',
    sessionsAndStatements: '{{sessions}} y {{statements}}',
    sessions_one: '{{count}} sesión',
    sessions_other: '{{count}} sesiones',
    statements_one: '{{count}} traza',
    statements_other: '{{count}} trazas',
  },
  erasure: {
    playerRequired: 'Falta player.',
    noPlayer: 'No hay ningún jugador con el id "{{player}}".',
    ambiguous: '"{{player}}" nombra a {{count}} jugadores: {{listed}}. Indica el playerId del que quieres borrar.',
    noActivity: 'No hay ninguna actividad con el código de seguimiento "{{activity}}".',
    noActivitySeeList: 'No hay ninguna actividad con el código de seguimiento "{{activity}}". Consulta: aula activity list',
    playerNoDataHere: 'Este jugador no tiene datos en esa actividad.',
    playerNoData: 'Este jugador no tiene datos.',
    gamesPlaying_one:
      'No se ha borrado nada: {{count}} juego sigue jugando en {{name}} ({{code}}): ha enviado algo en los últimos {{minutes}} minutos. {{close}}deja que los alumnos salgan del juego y vuelve a intentarlo dentro de {{minutes}} minutos.',
    gamesPlaying_other:
      'No se ha borrado nada: {{count}} juegos siguen jugando en {{name}} ({{code}}): han enviado algo en los últimos {{minutes}} minutos. {{close}}deja que los alumnos salgan del juego y vuelve a intentarlo dentro de {{minutes}} minutos.',
    closeFirst: 'Cierra la actividad (aula activity close {{code}}), ',
    activityNoData: 'No hay nada que borrar: ningún juego ha dejado datos en {{name}} ({{code}}).',
    confirmationMismatch: 'Escribe el código de seguimiento de la actividad, {{code}}, para confirmar. No se ha borrado nada.',
    backupsHold: 'Las copias de seguridad hechas antes del borrado aún contienen los datos',
    backupsIn_one: '{{count}} copia de seguridad en {{folder}} (y las copiadas a otro sitio) se hizo antes del borrado y aún contiene los datos',
    backupsIn_other: '{{count}} copias de seguridad en {{folder}} (y las copiadas a otro sitio) se hicieron antes del borrado y aún contienen los datos',
    backups: '{{held}}: elimina las que ya no necesites (Ajustes → Copias de seguridad, o aula backup list y aula backup delete NAME).',
  },
  data: {
    unknownExport: 'No hay ninguna exportación en curso con ese nombre.',
    uploadRunning: 'Ya hay una subida en curso; espera a su resumen.',
    notZip: 'Envía el paquete como cuerpo de la petición con Content-Type: application/zip.',
    bundleTooLarge: 'El paquete ocupa más de {{max}} bytes.',
    importRunning: 'Ya hay una importación en curso; espera a su informe.',
    diskFull: 'El disco está lleno: no se ha podido recibir el paquete y no se ha importado nada. Libera espacio y vuelve a importarlo.',
    emptyBody: 'La petición no traía ningún paquete.',
  },
  player: {
    notFound: 'Ese jugador no existe.',
    noStudent: 'No hay ningún alumno "{{username}}".',
    searchOne: 'Se esperaba un solo texto de búsqueda (q).',
    searchTooLong: 'El texto de búsqueda (q) tiene más de {{max}} caracteres.',
  },
  credentials: {
    usernameEmpty: 'el usuario está vacío',
    usernameTooLong: 'el usuario tiene más de 64 caracteres',
    usernameCharacters: 'el usuario "{{username}}" solo puede tener letras a-z, cifras y . _ - (sin espacios ni tildes)',
    passwordEmpty: 'la contraseña está vacía',
    passwordTooLong: 'la contraseña tiene más de {{max}} caracteres',
    passwordSpaces: 'la contraseña empieza o termina con un espacio',
    passwordCharacters: 'la contraseña contiene " o \\ o un carácter de control',
    notEmail: '"{{email}}" no es una dirección de correo electrónico',
  },
  roster: {
    passwordOfStudent: '{{problem}} (alumno "{{username}}")',
    usernameTwice: 'el usuario "{{username}}" aparece dos veces',
    usernameTwiceFirstOn: 'el usuario "{{username}}" aparece dos veces (la primera en la línea {{line}})',
    studentExists: 'ya existe un alumno "{{username}}"',
    notCsv: 'el archivo no es un CSV válido ({{detail}})',
    columns: 'se esperaba usuario,contraseña[,nombre] pero hay {{found}} columnas',
    usernameMissing: 'falta el usuario',
    passwordMissing: 'falta la contraseña de "{{username}}"',
    notCsvText: 'Envía la lista de clase como texto CSV (Content-Type: text/csv).',
    empty: 'El archivo no tiene alumnos: uno por línea, usuario,contraseña[,nombre].',
    nothingImported_one: 'No se ha importado nada: hay {{count}} problema que corregir en el archivo.',
    nothingImported_other: 'No se ha importado nada: hay {{count}} problemas que corregir en el archivo.',
  },
  upload: {
    keyField: 'el campo Clave',
    secretField: 'el campo Secreto',
    keyDiffers: 'La clave de la URL del endpoint no coincide con {{key}}: escríbela una sola vez, en {{key}}.',
    secretDiffers: 'El secreto de la URL del endpoint no coincide con {{secret}}: escríbelo una sola vez, en {{secret}}.',
    keyNeeded: 'Falta la clave del LRS: {{key}}.',
    secretNeeded: 'Falta el secreto del LRS: {{secret}}.',
    notUrl: 'El endpoint no es una URL: escribe el endpoint xAPI del LRS, p. ej. https://lrs.example.org/xAPI',
    notHttp: 'El endpoint debe ser una URL http(s), p. ej. https://lrs.example.org/xAPI',
    redirects:
      '{{endpoint}} redirige a {{to}}: escribe esa dirección como endpoint (una subida no puede seguir una redirección: la clave, el secreto y las trazas no irían con ella).',
    redirectNoAddress: '{{endpoint}} respondió {{status}} (una redirección sin dirección): revisa el endpoint con quien administra el LRS.',
    aboutAnswered: '{{endpoint}}/about respondió {{status}}: ¿es este el endpoint xAPI?',
    connected: 'Conectado.',
    connectedVersions: 'Conectado (xAPI {{versions}}).',
    cannotReach: 'No se puede contactar con {{endpoint}}: {{cause}}',
    lockHeld:
      'Ya hay otra subida en marcha desde esta carpeta de datos (aula upload, o Datos → Subir en el panel). Espera a su resumen y vuelve a subir: se enviará lo que siga pendiente.',
    answeredWithoutIds: 'El LRS respondió 200 sin los ids enviados: {{text}}',
    answered: 'El LRS respondió {{status}}: {{text}}',
    credentials: 'El LRS rechazó las credenciales ({{status}}). Revisa la clave y el secreto.',
    unreachable: 'No se ha podido contactar con el LRS ({{problem}}). No se pierde nada: vuelve a subir para continuar.',
    waitAnswered: 'el LRS respondió {{status}}',
    choice:
      'No se ha enviado nada. {{sent}} trazas fueron a este LRS (clave "{{username}}") {{before}}; enviar el resto {{now}} daría a cada alumno una segunda identidad allí. Elige lo mismo que antes, o sube a otro almacén del LRS (otra clave).',
    choiceBeforePseudonymised: 'seudonimizadas (--pseudonymize, Seudonimizar los usuarios)',
    choiceBeforeIdentified: 'con usuarios y playerIds (sin --pseudonymize)',
    choiceNowPseudonymised: 'seudonimizado',
    choiceNowIdentified: 'con usuarios y playerIds',
  },
  import: {
    notZip: 'Este archivo no es un paquete zip ({{detail}}).',
    noManifest: 'Este zip no tiene manifest.json: no es un paquete de Aula.',
    manifestTooLarge: 'manifest.json es demasiado grande.',
    unreadableZip: 'No se puede leer este zip ({{detail}}).',
    missingFile: '{{name}} aparece en el manifiesto pero falta en el paquete.',
    damagedFile: 'No se puede leer {{name}} ({{detail}}): el paquete está dañado.',
    hashMismatch: '{{name}} no coincide con su SHA-256 del manifiesto: el paquete se modificó o se dañó después de exportarlo.',
    rowCount: '{{name}} tiene {{lines}} filas pero el manifiesto cuenta {{expected}}.',
    noFile: 'El paquete no tiene {{name}}.',
    lineTooLong: 'La línea {{line}} de {{name}} ocupa más de {{mib}} MiB, más que cualquier fila que escriba Aula.',
    sizeMismatch: '{{name}} ocupa {{inZip}} bytes en el zip pero {{inManifest}} en el manifiesto: el paquete se modificó o se dañó después de exportarlo.',
    tablesTooLarge: 'Las tablas del paquete (jugadores, sesiones…) ocupan {{bytes}} bytes, más de los {{max}} que la importación puede tener en memoria.',
    lineNotJson: 'La línea {{line}} de {{name}} no es JSON válido.',
    manifestNotJson: 'manifest.json no es JSON válido.',
    notAulaBundle: 'Este zip no es un paquete de Aula (su manifiesto no indica ningún formato aula-bundle).',
    newerFormat:
      'Este paquete lo creó un Aula más reciente (formato de paquete {{format}}; este Aula lee {{ours}}). Actualiza Aula en este ordenador y vuelve a importarlo.',
    manifestIncomplete: 'manifest.json está incompleto ({{path}}: {{detail}}).',
    newerSchema:
      'Este paquete lo creó Aula {{version}} con el esquema de base de datos {{schema}}; este Aula conoce el esquema {{ours}}. Actualiza Aula en este ordenador y vuelve a importarlo.',
    notListed: 'El manifiesto no incluye {{name}}.',
    diskFull:
      'El disco está lleno: la importación se detuvo tras {{done, number}} de {{total, number}} trazas. Lo importado se conserva y es coherente; libera espacio y vuelve a importar el mismo paquete para añadir el resto.',
  },
  access: {
    how: "En otro dispositivo, abre {{page}} y escribe la clave de docente que aparece en Ajustes del panel, en el ordenador donde funciona Aula (scripts: envía 'Authorization: Bearer <clave de docente>').",
    tooMany: 'Demasiadas claves de docente incorrectas desde esta dirección; vuelve a intentarlo dentro de {{seconds}} s.',
    wrongKey: 'Esa no es la clave de docente. {{how}}',
    keyChanged: 'La clave de docente ha cambiado desde que este dispositivo la escribió. {{how}}',
    noKey: 'El panel es del docente. {{how}}',
    foreignHost:
      'Esta petición llegó a Aula en este ordenador con el nombre de otro sitio (su cabecera Host), como lo haría una página web que se hubiera rebautizado con el nombre de este ordenador. En este ordenador, abre el panel en http://127.0.0.1 o http://localhost con el puerto de Aula; a través de un proxy o con otro nombre, envía la clave de docente.',
    crossSite: 'Los datos del panel solo se pueden cambiar desde el propio panel, no desde otra página web.',
  },
  settings: {
    mdnsBody: 'Envía {"enabled": true} o {"enabled": false}.',
  },
  backup: {
    diskFull: 'No se ha podido escribir la copia de seguridad: el disco está lleno. Libera espacio y vuelve a intentarlo.',
    failed: 'No se ha podido escribir la copia de seguridad: {{detail}}',
    invalidName:
      '"{{name}}" no es el nombre de una copia de seguridad de {{folder}}: escribe el nombre tal como lo muestra aula backup list (aula-….sqlite), sin carpeta.',
    notFound: 'No hay ninguna copia de seguridad {{name}} en {{folder}}. Consulta: aula backup list',
  },
  request: {
    invalid: 'petición no válida',
    wholeNumber: 'Se esperaba un número entero de {{min}} a {{max}}.',
    noEndpoint: 'Esa dirección no existe en la API del panel.',
    tooLarge: 'La petición es demasiado grande.',
    unreadable: 'No se ha podido leer la petición (¿es JSON válido?).',
    internal: 'Algo ha fallado en Aula; los detalles están en su registro.',
  },
};

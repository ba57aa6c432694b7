import type { Catalog } from '../catalog';
import type { settings as english } from '../en/settings';

/** Spanish wording of the dashboard's settings namespace. */
export const settings: Catalog<typeof english> = {
  title: 'Ajustes',
  collector: {
    title: 'Colector',
    dataFolder: 'Carpeta de datos',
    address: 'Dirección y puerto',
    listening: 'Escuchando en <code>{{host}}</code>, puerto <code>{{port}}</code>',
    gamesUse: '— los juegos usan',
    collectorPath: 'Ruta del colector (para los trackers que la piden)',
    homePage: 'Página de inicio de las cuentas de los jugadores',
    homePageHint:
      '— no es una dirección que abrir: es un nombre que va en la cuenta del jugador y en los ids de objeto de cada traza, fijado la primera vez que se ejecutó Aula para que nunca cambie (puerto 3000 si arrancó con --port 0; --home-page pone otro). Los juegos se conectan a la dirección y el puerto de arriba.',
    mdns: 'Nombre en la red (mDNS)',
    footer:
      'Todo esto se fija al arrancar Aula (opciones de la línea de órdenes o variables de entorno); el nombre en la red también se puede activar o desactivar aquí.',
  },
  mdns: {
    on: 'Activado: Aula responde como {{hostName}} ({{state}}).',
    offHere: 'Desactivado: Aula solo escucha en este ordenador.',
    off: 'Desactivado ({{reason}}); los juegos usan la dirección IP.',
    stop: 'Dejar de responder a este nombre',
    again: 'Volver a responder al nombre',
    states: {
      probing: 'comprobando',
      announced: 'anunciado',
      failed: 'ha fallado',
      stopped: 'detenido',
    },
    reasons: {
      switchedOff: 'desactivado con --no-mdns o AULA_MDNS=0',
      offInSettings: 'desactivado en los ajustes',
      notOnLan: 'Aula solo escucha en este ordenador',
    },
  },
  teacherKey: {
    title: 'Clave de docente',
    intro:
      'Para abrir este panel en una tableta u otro ordenador, ve a <url>{{url}}</url> y escribe esta clave. Ese dispositivo mantiene la sesión iniciada hasta que se genere otra clave. Los scripts pueden enviar <code>{{header}}</code>.',
    introNoUrl:
      'Para abrir este panel en una tableta u otro ordenador, ve a /teacher en la dirección de red de Aula (mira Conectar) y escribe esta clave. Ese dispositivo mantiene la sesión iniciada hasta que se genere otra clave. Los scripts pueden enviar <code>{{header}}</code>.',
    keyWord: 'clave',
    hidden: 'La clave está oculta.',
    hide: 'Ocultar',
    reveal: 'Mostrar',
    theKey: ' la clave',
    copy: 'Copiar clave',
    regenerated: 'Clave nueva creada. La clave anterior y todos los dispositivos que la usaban ya no abren el panel.',
    regenerate: 'Generar otra…',
    confirmLabel: 'Crear una clave de docente nueva',
    confirm: 'Sí, crear una clave nueva',
    busy: 'Creando…',
    question: '¿Crear una clave nueva? Todos los demás dispositivos con la sesión iniciada en el panel la pierden al momento y tendrán que escribir la clave nueva.',
    signedIn: 'Este dispositivo tiene la sesión iniciada con la clave.',
    signOut: 'Cerrar la sesión en este dispositivo',
  },
  backups: {
    title: 'Copias de seguridad',
    intro:
      'Una copia coherente de todos los datos, segura aunque los juegos estén enviando. Aula también hace una cada vez que se cierra una actividad, y guarda las últimas {{kept, number}}. Los juegos siguen enviando mientras se escribe la copia (en un hilo propio, a partir de una instantánea); una base de datos grande tarda un rato en copiarse.',
    backingUp: 'Haciendo la copia…',
    backUp: 'Hacer una copia ahora',
    written: 'Copia de seguridad escrita: <code>{{name}}</code> ({{size}})',
    deleted: 'Copia de seguridad eliminada: <code>{{name}}</code>',
    folder: 'Carpeta: <code>{{folder}}</code>',
    none: 'Aún no hay ninguna copia de seguridad.',
    listLabel: 'Copias de seguridad guardadas',
    erasures_one: 'hecha antes de {{count, number}} borrado: puede contener aún datos borrados',
    erasures_other: 'hecha antes de {{count, number}} borrados: puede contener aún datos borrados',
    deleteLabel: 'Eliminar la copia de seguridad {{name}}',
    delete: 'Eliminar',
    confirm: 'Sí, eliminar la copia',
    busy: 'Eliminando…',
    refused: 'No se ha eliminado: {{error}}',
    question:
      '¿Eliminar <code>{{name}}</code>? Sus bytes se sobrescriben y después se quita el archivo: no se podrá restaurar. Las copias de este archivo hechas en otros sitios no se tocan.',
    restore: 'Para restaurar una, detén Aula y ejecuta <code>{{command}}</code>.',
    backupFile: 'archivo de copia',
  },
  banners: {
    diskFull:
      'Aula no puede guardar más datos: el disco está lleno. Los juegos conservan sus datos y los volverán a enviar; libera espacio en el disco y la recogida se reanuda sola.',
    lockedOut: 'Este dispositivo ya no puede abrir el panel (puede que la clave de docente haya cambiado).',
    enterKey: 'Escribe la clave de docente',
  },
};

import type { en as english } from './en.js';
import type { Catalog } from './languages.js';

/** Spanish wording of the desktop app's own words: the tray, the start-up windows, the save dialog's file types. */
export const es: Catalog<typeof english> = {
  tray: {
    openDashboard: 'Abrir el panel',
    addressForGames: 'Dirección del colector para los juegos:',
    copyAddress: 'Copiar la dirección del colector',
    notRunning: 'El colector no está en marcha',
    openDataFolder: 'Abrir la carpeta de datos',
    quit: 'Salir de Aula',
    collectingAt: 'Aula — recogiendo datos en {{address}}',
  },
  startup: {
    cannotStart: 'Aula no puede arrancar',
    quit: 'Salir',
    tryAgain: 'Reintentar',
    showDataFolder: 'Mostrar la carpeta de datos',
    chooseDataFolder: 'Elegir otra carpeta de datos…',
    usePort: 'Usar el puerto {{port}}',
    dataFolder: 'Carpeta de datos: {{dataDir}}',
    collector: {
      title: 'Aula no puede arrancar el colector',
      portTaken: 'Otro programa ya está usando el puerto {{port}}.',
      portRefused: 'Aula no tiene permiso para escuchar en el puerto {{port}} ({{code}}).',
      timeout: 'El colector no ha arrancado en {{seconds}} s.',
    },
    port: {
      detail:
        'Los juegos están configurados para enviar sus datos al puerto {{port}}. Cierra el otro programa (quizá otra copia del colector) y vuelve a intentarlo.',
      detailWithFreePort:
        'Los juegos están configurados para enviar sus datos al puerto {{port}}. Cierra el otro programa (quizá otra copia del colector) y vuelve a intentarlo, o usa el puerto {{freePort}} y cambia la dirección del colector en los juegos.',
    },
    database: {
      title: 'Aula no puede abrir sus datos',
      detail: 'Carpeta de datos: {{dataDir}}\nElige otra carpeta o comprueba que se puede escribir en esta.',
    },
    inUse: {
      title: 'Aula ya está en marcha con esta carpeta de datos',
      detail:
        'Carpeta de datos: {{dataDir}}\nDetén el otro (un terminal con aula serve, un servicio o Aula en la sesión de otro usuario) y vuelve a intentarlo.',
    },
    config: {
      title: 'Aula no puede arrancar: un ajuste no es válido',
      variables_one:
        '{{variables}} está definida en el entorno desde el que se arranca Aula: un acceso directo o lanzador del escritorio, un archivo de servicio o las variables de entorno del usuario (un perfil de la shell o las Variables de entorno de Windows). Corrígela ahí, o elimínala para usar el valor predeterminado, y vuelve a arrancar Aula.',
      variables_other:
        '{{variables}} están definidas en el entorno desde el que se arranca Aula: un acceso directo o lanzador del escritorio, un archivo de servicio o las variables de entorno del usuario (un perfil de la shell o las Variables de entorno de Windows). Corrígelas ahí, o elimínalas para usar los valores predeterminados, y vuelve a arrancar Aula.',
      between: ', ',
      beforeLast: ' y ',
      file: 'Corrige el ajuste en ese archivo, o elimina el archivo para usar los valores predeterminados, y vuelve a arrancar Aula.',
    },
  },
  savedSettings: {
    title: 'No se han podido usar los ajustes guardados de Aula',
    detail:
      'Aula arranca con sus ajustes predeterminados: puerto 3000, abierto a la red del aula, datos en la carpeta habitual. Vuelve a configurarlos en el panel (Ajustes), o corrige el archivo, y reinicia Aula. El archivo se queda como está.',
    ok: 'Aceptar',
    cannotRead: 'No se puede leer {{file}}: {{detail}}',
    notJson: '{{file}} no es JSON válido; se usan los ajustes predeterminados',
    invalid: '{{file}} tiene valores no válidos ({{which}}); se usan los ajustes predeterminados',
    notSavedTitle: 'Aula no ha podido guardar el ajuste',
    notSaved: 'No se ha guardado el ajuste: {{problem}}',
    notSavedDetail: 'Aula lo usa hasta que se cierre, pero no lo recordará al volver a arrancar.',
    notSettings: '{{file}} no contiene ajustes en JSON; corrígelo o bórralo y vuelve a intentarlo',
    cannotWrite: 'No se puede escribir {{file}}: {{detail}}',
    invalidValue: '"{{key}}" vale {{value}}, pero {{expected}}',
    expected: {
      port: 'debe ser un número entero de 1 a 65535',
      exposeOnLan: 'debe ser true o false',
      dataDir: 'debe ser la ruta de una carpeta',
      language: 'debe ser "en" o "es"',
    },
  },
  saveDialog: {
    allFiles: 'Todos los archivos',
    fileOfType: 'Archivo {{extension}}',
  },
};

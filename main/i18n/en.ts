/** English wording of the desktop app's own words: the tray, the start-up windows, the save dialog's file types. */
export const en = {
  tray: {
    openDashboard: 'Open dashboard',
    addressForGames: 'Collector address for games:',
    copyAddress: 'Copy collector address',
    notRunning: 'Collector not running',
    openDataFolder: 'Open data folder',
    quit: 'Quit Aula',
    collectingAt: 'Aula — collecting at {{address}}',
  },
  startup: {
    /** The last resort, when the app itself failed before any of the windows below could be shown. */
    cannotStart: 'Aula cannot start',
    quit: 'Quit',
    tryAgain: 'Try again',
    showDataFolder: 'Show data folder',
    chooseDataFolder: 'Choose another data folder…',
    usePort: 'Use port {{port}}',
    dataFolder: 'Data folder: {{dataDir}}',
    collector: {
      title: 'Aula cannot start the collector',
      /** The problem itself, under the title (main/server-host.ts). */
      portTaken: 'Port {{port}} is already used by another program.',
      portRefused: 'Aula may not listen on port {{port}} ({{code}}).',
      timeout: 'The collector did not start within {{seconds}} s.',
    },
    port: {
      detail:
        'Games were set up to send their data to port {{port}}. Close the other program (perhaps another copy of the collector) and try again.',
      detailWithFreePort:
        'Games were set up to send their data to port {{port}}. Close the other program (perhaps another copy of the collector) and try again, or use port {{freePort}} and change the collector address in the games.',
    },
    database: {
      title: 'Aula cannot open its data',
      detail: 'Data folder: {{dataDir}}\nChoose another folder, or check that this one can be written to.',
    },
    inUse: {
      title: 'Aula is already running on this data folder',
      detail:
        'Data folder: {{dataDir}}\nStop the other one (a terminal running aula serve, a service, or Aula in another user session), then try again.',
    },
    config: {
      title: 'Aula cannot start: a setting is not valid',
      variables_one:
        "{{variables}} is set in the environment Aula is started from: a desktop shortcut or launcher, a service file, or the user's environment variables (a shell profile, or Windows' Environment Variables settings). Correct it there, or remove it to use the default, then start Aula again.",
      variables_other:
        "{{variables}} are set in the environment Aula is started from: a desktop shortcut or launcher, a service file, or the user's environment variables (a shell profile, or Windows' Environment Variables settings). Correct them there, or remove them to use the default, then start Aula again.",
      /** Between the names of several variables ("AULA_PORT and AULA_HOST"), and before the last one. */
      between: ' and ',
      beforeLast: ' and ',
      file: 'Correct the setting in that file, or delete the file to use the defaults, then start Aula again.',
    },
  },
  savedSettings: {
    title: "Aula's saved settings could not be used",
    detail:
      'Aula starts with its default settings: port 3000, open to the classroom network, data in the usual folder. Set them again in the dashboard (Settings), or correct the file, then restart Aula. The file is left as it is.',
    ok: 'OK',
    /** The problem line (main/settings.ts). */
    cannotRead: '{{file}} cannot be read: {{detail}}',
    notJson: '{{file}} is not valid JSON; using the defaults',
    invalid: '{{file}} has invalid values ({{which}}); using the defaults',
    /** A change from the dashboard or a start-up window that could not be saved (main/settings.ts). */
    notSavedTitle: 'Aula could not save the setting',
    notSaved: 'The setting was not saved: {{problem}}',
    notSavedDetail: 'Aula uses it until it quits, but the next start will not know it.',
    notSettings: '{{file}} does not hold settings as JSON; correct it or delete it, then try again',
    cannotWrite: '{{file}} cannot be written: {{detail}}',
    invalidValue: '"{{key}}" is {{value}}, but {{expected}}',
    expected: {
      port: 'must be a whole number from 1 to 65535',
      exposeOnLan: 'must be true or false',
      dataDir: 'must be the path of a folder',
      language: 'must be "en" or "es"',
    },
  },
  saveDialog: {
    allFiles: 'All files',
    fileOfType: '{{extension}} file',
  },
};

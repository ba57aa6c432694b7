/** English wording of the dashboard's settings namespace (the source every translation mirrors). */
export const settings = {
  title: 'Settings',
  collector: {
    title: 'Collector',
    dataFolder: 'Data folder',
    address: 'Address and port',
    listening: 'Listening on <code>{{host}}</code>, port <code>{{port}}</code>',
    gamesUse: '— games use',
    collectorPath: 'Collector path (for trackers that ask for it)',
    homePage: "Home page of players' accounts",
    homePageHint:
      "— not an address to open: a name in every statement's player account and object ids, fixed when Aula first ran so that they never change (port 3000 when it started with --port 0; --home-page sets another). Games connect to the address and port above.",
    mdns: 'Name on the network (mDNS)',
    footer:
      'These are set when Aula starts (command-line options or environment variables); the name on the network can also be switched here.',
  },
  mdns: {
    on: 'On: Aula answers as {{hostName}} ({{state}}).',
    offHere: 'Off: Aula listens on this computer only.',
    off: 'Off ({{reason}}); games use the IP address.',
    stop: 'Stop answering for this name',
    again: 'Answer for the name again',
    states: {
      probing: 'probing',
      announced: 'announced',
      failed: 'failed',
      stopped: 'stopped',
    },
    // Why the name is off: Settings and Diagnostics say the same (format/mdns-off.ts).
    reasons: {
      switchedOff: 'switched off with --no-mdns or AULA_MDNS=0',
      offInSettings: 'switched off in the settings',
      notOnLan: 'Aula listens on this computer only',
    },
  },
  teacherKey: {
    title: 'Teacher key',
    intro:
      'To open this dashboard on a tablet or another computer, go to <url>{{url}}</url> and type this key. That device then stays signed in until the key is regenerated. Scripts can send <code>{{header}}</code>.',
    introNoUrl:
      "To open this dashboard on a tablet or another computer, go to /teacher on Aula's network address (see Connect) and type this key. That device then stays signed in until the key is regenerated. Scripts can send <code>{{header}}</code>.",
    // In the header scripts send: "Authorization: Bearer <key>".
    keyWord: 'key',
    hidden: 'The key is hidden.',
    hide: 'Hide',
    reveal: 'Reveal',
    theKey: ' the key',
    copy: 'Copy key',
    regenerated: 'New key made. The old key and every device signed in with it no longer open the dashboard.',
    regenerate: 'Regenerate…',
    confirmLabel: 'Make a new teacher key',
    confirm: 'Yes, make a new key',
    busy: 'Making…',
    question: 'Make a new key? Every other device signed in to the dashboard is signed out at once and must enter the new key.',
    signedIn: 'This device is signed in with the key.',
    signOut: 'Sign this device out',
  },
  backups: {
    title: 'Backups',
    intro:
      'A consistent copy of all data, safe while games are sending. Aula also makes one each time an activity is closed, and keeps the last {{kept, number}}. Games go on sending while a backup is written (on a thread of its own, from a snapshot); a large database takes a while to copy.',
    backingUp: 'Backing up…',
    backUp: 'Back up now',
    written: 'Backup written: <code>{{name}}</code> ({{size}})',
    deleted: 'Backup deleted: <code>{{name}}</code>',
    folder: 'Folder: <code>{{folder}}</code>',
    none: 'No backup yet.',
    listLabel: 'Kept backups',
    erasures_one: 'made before {{count, number}} erasure: may still hold erased data',
    erasures_other: 'made before {{count, number}} erasures: may still hold erased data',
    deleteLabel: 'Delete backup {{name}}',
    delete: 'Delete',
    confirm: 'Yes, delete backup',
    busy: 'Deleting…',
    refused: 'Not deleted: {{error}}',
    question:
      'Delete <code>{{name}}</code>? Its bytes are overwritten, then the file is removed: it cannot be restored afterwards. Copies of it made elsewhere are not touched.',
    restore: 'To restore one, stop Aula and run <code>{{command}}</code>.',
    // In the command: "aula restore <backup file>".
    backupFile: 'backup file',
  },
  banners: {
    diskFull:
      'Aula cannot store more data: the disk is full. Games keep their data and will re-send it; free disk space and collecting resumes by itself.',
    lockedOut: 'This device cannot open the dashboard any more (the teacher key may have changed).',
    enterKey: 'Enter the teacher key',
  },
};

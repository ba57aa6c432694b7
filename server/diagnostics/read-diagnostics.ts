import type { DiagnosticGroup, Diagnostics, DiagnosticWho, FirstRunCheck } from '../admin/api-types.js';
import { Messages } from '../collector/messages.js';
import { intendedGameRequest, WRONG_PATH_ROUTE } from '../collector/wrong-path.js';
import type { AppContext } from '../context.js';
import { mdnsInfo } from '../mdns/start-mdns.js';
import { plainAddress } from '../net/address-key.js';
import { gameUrls, reachableUrls } from '../net/lan-addresses.js';
import { rulesEngineFor } from '../rules/engine-registry.js';
import { DEFAULT_IDLE_AFTER_MS, idleAfterMs } from '../rules/idle-after.js';
import { FORGET_SILENT_MS } from '../rules/session-state.js';
import { listActivities } from '../store/activities-repo.js';
import { prepared } from '../store/prepared.js';
import type { ClassThen, RejectionRow as StoredRejection } from '../store/rejections-repo.js';
import { getSetting } from '../store/settings-repo.js';
import { closestCode } from './closest-code.js';
import { classifyRejection, DIAGNOSTIC_KINDS, type DiagnosticKind, TITLES } from './diagnostic-kinds.js';
import { lanClientsOf } from './lan-clients.js';

/** Refusals older than this are history, not a problem of the current class. */
const WINDOW_MS = 60 * 60_000;
const MAX_ROWS = 2000;
/** Distinct refusal lines listed per group, the most recent; the screen says how many more there are (`more`). */
const MAX_ITEMS = 20;
/**
 * Lines listed for the one group the teacher asked to see whole (`listAll`): every distinct line of the hour's
 * refusals read (MAX_ROWS), far above a building's game machines.
 */
const ALL_ITEMS = 500;

export interface DiagnosticsOptions {
  /** The group whose lines are all listed (up to ALL_ITEMS) rather than the 20 most recent: "List them" on the screen. */
  listAll?: DiagnosticKind | undefined;
}
/**
 * Silent games listed: every one, far above a building's classes (a Wi-Fi drop silences a whole class at once, and a
 * teacher shown 20 of 30 names did not know 10 were missing). The sessions looked at are bounded the same way.
 */
const MAX_SILENT_ITEMS = 500;
/**
 * A game that sent nothing for as long as its activity's idle threshold (idle-after.ts: the Idle alert's minutes when
 * it is on, else 3 minutes), after being seen, "went silent", as Live then says "idle"; listed for this long after,
 * then it has just gone. Before, a fixed 2 minutes: Diagnostics listed games Live still showed active.
 */
const SILENT_WINDOW_MS = 30 * 60_000;
/** With an activity open this long and no game from another machine, the first-run help appears. */
export const FIRST_RUN_AFTER_MS = 3 * 60_000;

/** A stored refused request (server/store/rejections-repo.ts) with its row id, and how often it came again. */
export type RejectionRow = StoredRejection & {
  id: number;
  repeats: number;
  student: string | null;
  /** A refused student's classes then, JSON [{id, name}] (migration 26); null on other refusals and those stored before. */
  studentClasses: string | null;
};

export function clearedKey(kind: DiagnosticKind): string {
  return `diagnostics_cleared_${kind}`;
}

function cleared(ctx: AppContext, kind: DiagnosticKind): string {
  return getSetting(ctx.db, clearedKey(kind)) ?? '';
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The columns rejectionGroups reads of a stored refusal (a RejectionRow). */
export const REJECTION_COLUMNS =
  'id, time, route, address, session_id AS sessionId, status, message, sample, repeats, student, student_classes AS studentClasses';

/** How the refusals read are grouped into lines: the whole screen's view, or one session's (read-session-refusals.ts). */
export interface GroupingOptions {
  /** The group whose lines are all listed: "List them all". */
  listAll: DiagnosticKind | undefined;
  /**
   * One session's refusals, as Live counts them: every one stored, whatever was marked as handled or fixed since, each
   * group's lines up to this many. Absent: the whole screen, which hides what was handled or fixed.
   */
  everyLineUpTo?: number;
}

function rejectionGroups(ctx: AppContext, now: number, listAll: DiagnosticKind | undefined): DiagnosticGroup[] {
  const rows = prepared<[string], RejectionRow>(
    ctx.db,
    `SELECT ${REJECTION_COLUMNS} FROM rejected_requests WHERE time > ? ORDER BY id DESC LIMIT ${MAX_ROWS}`,
  ).all(iso(now - WINDOW_MS));
  return groupRejections(ctx, rows, { listAll });
}

/** Refused requests (newest first) as the screen's groups: one line per problem and game, with whose game it is and what to do. */
export function groupRejections(ctx: AppContext, rows: RejectionRow[], options: GroupingOptions): DiagnosticGroup[] {
  const { listAll, everyLineUpTo } = options;
  const whole = everyLineUpTo === undefined;
  const activities = listActivities(ctx.db);
  const byCode = new Map(activities.map((activity) => [activity.trackingCode, activity]));
  const codes = activities.map((activity) => activity.trackingCode);
  const groups = new Map<DiagnosticKind, DiagnosticGroup>();
  const clearedUpTo = new Map<DiagnosticKind, number>();
  // The distinct lines past MAX_ITEMS, per group: counted (`more`), not listed.
  const unlisted = new Map<DiagnosticKind, Set<string>>();
  const sessions = new Map<number, SessionWho | undefined>();
  const whoseSession = (id: number) => {
    if (!sessions.has(id)) sessions.set(id, sessionWho(ctx, id));
    return sessions.get(id);
  };
  for (const row of rows) {
    const kind = classifyRejection(row.route, row.status, row.message);
    if (whole && !clearedUpTo.has(kind)) clearedUpTo.set(kind, Number(cleared(ctx, kind) || 0));
    if (whole && row.id <= (clearedUpTo.get(kind) ?? 0)) continue;
    // A start's sample is the code it tried; an xAPI refusal's, the code of its credentials' activity.
    const code = row.route === 'start' || row.route === 'xapi' ? (row.sample ?? '') : null;
    const activity = code === null ? undefined : byCode.get(code);
    // Fixed since: the code now exists, the activity was opened, or now accepts anonymous players. A session's view
    // lists them all the same: Live counts them, and the teacher who followed its link looks for every one.
    if (whole && kind === 'unknown-code' && activity) continue;
    if (whole && kind === 'activity-closed' && activity?.open) continue;
    if (whole && kind === 'not-allowed' && activity?.allowAnonymous) continue;
    const group = groups.get(kind) ?? { kind, title: TITLES[kind], count: 0, items: [], more: 0 };
    groups.set(kind, group);
    // A tracker re-sends a refused batch on every flush: one row, counted as every time it was refused.
    const times = row.repeats + 1;
    group.count += times;
    // A request to a wrong address: the address it used, and (as suggestion) where Aula serves it.
    const wrongPath = row.route === WRONG_PATH_ROUTE ? (row.sample ?? '') : null;
    // A start refused for its code or its activity is told apart by the code; for another reason (a login token that
    // is not this Aula's, an unknown playerId handed back…) by what the game was told: by the code alone, four
    // different mistakes showed as one line with no reason.
    const detail = row.route === 'start' && kind !== 'other' ? (code ?? '') : (wrongPath ?? row.message);
    // A failed login's sample is the roster student it was for (login-router.ts): the teacher sees who cannot get in.
    // A start refused to a logged-in student not in the activity's class: who, with their classes then ("a18 of 1A").
    const studentWho = row.route === 'login' ? loginWho(row.sample) : row.route === 'start' && row.student ? studentWithClassesThen(row.student, row.studentClasses) : null;
    const student = studentWho && studentLabel(studentWho);
    const byStudent = row.route === 'login' || row.route === 'start';
    // Compared as shown: on a collector serving IPv6 too, an IPv4 device's ::ffff:a.b.c.d was never its line's a.b.c.d,
    // and each of its refusals made a line of its own.
    const address = row.address === null ? null : plainAddress(row.address);
    // A refusal of a session is that session's line: the same message from one address is the same game only when it
    // is the same session. Merged by address and message, two students on one classroom computer (or behind one NAT
    // address) showed as one line under the newest player, and the student Live marked "1 batch refused" was nowhere.
    const item = group.items.find(
      (other) =>
        other.detail === detail && other.address === address && other.sessionId === row.sessionId && (!byStudent || other.player === student),
    );
    if (item) {
      item.count += times;
      continue;
    }
    if (group.items.length >= (everyLineUpTo ?? (kind === listAll ? ALL_ITEMS : MAX_ITEMS))) {
      const others = unlisted.get(kind) ?? new Set<string>();
      unlisted.set(kind, others);
      others.add(JSON.stringify([detail, address, row.sessionId, byStudent ? student : null]));
      group.more = others.size;
      continue;
    }
    // A refused batch names its session: the teacher sees whose game it is, not only its address.
    const who = row.sessionId === null ? undefined : whoseSession(row.sessionId);
    group.items.push({
      time: row.time,
      address,
      detail,
      count: times,
      sample: code === null && student === null && wrongPath === null ? row.sample : null,
      suggestion: suggestionFor(kind, code, wrongPath, codes),
      activity: activity?.name ?? who?.activity ?? null,
      sessionId: row.sessionId,
      player: student ?? (who ? whoLabel(who) : null),
      who: studentWho ?? (who ? sessionParts(who) : null),
    });
  }
  return DIAGNOSTIC_KINDS.flatMap((kind) => groups.get(kind) ?? []);
}

/**
 * A refused student with the classes they were in when refused, as the other class's teacher knows them (worded by
 * studentLabel): read from the roster now, a student moved since into the refusing activity's class was "carla of 4A —
 * refused by History 4A: not in its class". A refusal stored before the classes were (migration 26) names the student
 * alone, as a failed login does: their classes now may not be those they were refused in.
 */
function studentWithClassesThen(username: string, classesThen: string | null): DiagnosticWho {
  const classes = classesThen === null ? null : (JSON.parse(classesThen) as ClassThen[]).map((entry) => entry.name);
  return { name: username, session: null, classes };
}

/** A failed login's roster student (its sample), when it was for one. */
function loginWho(username: string | null): DiagnosticWho | null {
  return username === null ? null : { name: username, session: null, classes: null };
}

/** "a18 of 1A", "a18 of 1A, 2B", "a18, in no class"; a failed login's "a18". The dashboard words `who` itself. */
function studentLabel(who: DiagnosticWho): string {
  if (who.classes === null) return who.name;
  return who.classes.length === 0 ? `${who.name}, in no class` : `${who.name} of ${who.classes.join(', ')}`;
}

/**
 * What the teacher is told to try instead: the closest existing tracking code to an unknown one, or where Aula serves
 * what a request to a wrong address (`POST /api/api/…`, as stored) was meant for.
 */
function suggestionFor(kind: DiagnosticKind, code: string | null, wrongPath: string | null, codes: string[]): string | null {
  if (kind === 'unknown-code' && code) return closestCode(code, codes) ?? null;
  if (!wrongPath) return null;
  const space = wrongPath.indexOf(' ');
  return space < 0 ? null : (intendedGameRequest(wrongPath.slice(0, space), wrongPath.slice(space + 1)) ?? null);
}

/** A session as the teacher knows it: the student's username (an anonymous player's animal name), its number, activity. */
export interface SessionWho {
  player: string;
  number: number;
  activity: string | null;
}

const WHO_COLUMNS = `coalesce(st.username, p.xapi_name, p.animal_name) AS player, s.number AS number, a.name AS activity`;
const WHO_JOINS = `JOIN players p ON p.id = s.player_id LEFT JOIN students st ON st.id = p.student_id
       LEFT JOIN activities a ON a.id = s.activity_id`;

/** `brave-teal-otter · session 2`: one player may have two sessions listed (a game restarted without ending). */
const whoLabel = (who: SessionWho): string => `${who.player} · session ${who.number}`;
export const sessionParts = (who: SessionWho): DiagnosticWho => ({ name: who.player, session: who.number, classes: null });

export function sessionWho(ctx: AppContext, sessionId: number): SessionWho | undefined {
  return prepared<[number], SessionWho>(ctx.db, `SELECT ${WHO_COLUMNS} FROM sessions s ${WHO_JOINS} WHERE s.id = ?`).get(sessionId);
}

/**
 * Sessions looked at for silent games: not ended, not finished (the game's own object completed, finished-game.ts: Live
 * says "finished", not idle, and the Idle rule leaves it alone), heard from in the hours the rules keep the laptop's
 * pauses for. The most recently heard of them, so many that a silent game is left out only when more sessions than a
 * large school plays at once were heard after it went silent (trackers seldom end a session, so a day's are all here).
 */
const SILENT_CANDIDATES_MS = FORGET_SILENT_MS;
const MAX_SILENT_CANDIDATES = 2000;

/**
 * The games silent for their activity's idle threshold and up to SILENT_WINDOW_MS more, counted as the Idle rule and
 * Live's badge count a silence (RulesEngine.silentMs): the time the laptop slept, Aula was off or the clock was set is
 * not silence. By the wall clock, after the clock was set back an hour no game was listed for an hour, and after a
 * lunch's sleep the games that did not come back were never listed (silent "45 min", past the window). Newest first.
 */
function silentSessions(ctx: AppContext, now: number) {
  const rows = prepared<[string], SessionWho & { sessionId: number; lastSeen: string; activityId: string | null }>(
    ctx.db,
    `SELECT s.id AS sessionId, s.last_seen AS lastSeen, s.activity_id AS activityId, ${WHO_COLUMNS}
     FROM sessions s ${WHO_JOINS}
     WHERE s.ended IS NULL AND s.completion IS NOT 1 AND s.last_seen > ?
     ORDER BY s.last_seen DESC LIMIT ${MAX_SILENT_CANDIDATES}`,
  ).all(iso(now - SILENT_CANDIDATES_MS));
  const engine = rulesEngineFor(ctx);
  const silences = engine.silentMs(
    rows.map((row) => ({ id: row.sessionId, lastSeen: row.lastSeen })),
    now,
  );
  const idleAfter = (activityId: string | null) => (activityId === null ? DEFAULT_IDLE_AFTER_MS : idleAfterMs(engine.rulesOf(activityId)));
  return rows
    .map((row) => ({ ...row, silentMs: silences.get(row.sessionId) ?? 0, idleAfterMs: idleAfter(row.activityId) }))
    .filter((row) => row.silentMs >= row.idleAfterMs && row.silentMs < row.idleAfterMs + SILENT_WINDOW_MS)
    .sort((a, b) => a.silentMs - b.silentMs);
}

/**
 * What "Mark as handled" hides of the silent games: each session listed then, with the last-seen it had (JSON), until
 * its game sends again. Before, a time of the laptop's clock was kept and every game last seen before it was hidden: a
 * clock set back then hid every game that went silent afterwards, until the clock caught up. A time (an older Aula's
 * mark) is still read as it was.
 */
export function silentGamesMark(ctx: AppContext): string {
  const listed = silentSessions(ctx, ctx.now()).slice(0, MAX_SILENT_ITEMS);
  return JSON.stringify({ sessions: Object.fromEntries(listed.map((row) => [row.sessionId, row.lastSeen])) });
}

function handledSilent(mark: string): (session: { sessionId: number; lastSeen: string }) => boolean {
  if (mark.startsWith('{')) {
    try {
      const sessions = (JSON.parse(mark) as { sessions?: Record<string, string> }).sessions ?? {};
      return (session) => sessions[String(session.sessionId)] === session.lastSeen;
    } catch {
      return () => false;
    }
  }
  return (session) => session.lastSeen <= mark;
}

function silentGames(ctx: AppContext, now: number): DiagnosticGroup | undefined {
  const handled = handledSilent(cleared(ctx, 'silent-games'));
  // A student by the username the teacher knows them by, an anonymous player by the animal name Live shows; with the
  // session's number, as one player may have two sessions gone silent (a game restarted without ending).
  const silent = silentSessions(ctx, now).filter((row) => !handled(row));
  if (silent.length === 0) return undefined;
  const rows = silent.slice(0, MAX_SILENT_ITEMS);
  return {
    kind: 'silent-games',
    title: TITLES['silent-games'],
    count: silent.length,
    more: silent.length - rows.length,
    items: rows.map((row) => ({
      time: row.lastSeen,
      address: null,
      detail: whoLabel(row),
      count: 1,
      sample: null,
      suggestion: null,
      activity: row.activity,
      sessionId: row.sessionId,
      player: whoLabel(row),
      who: sessionParts(row),
    })),
  };
}

/** From memory (BusyRefusals), per address: how often each game machine was told "busy, retry shortly". */
function busyGames(ctx: AppContext, now: number, listAll: DiagnosticKind | undefined): DiagnosticGroup | undefined {
  const entries = ctx.busyRefusals.recent(now);
  const listed = listAll === 'busy' ? ALL_ITEMS : MAX_ITEMS;
  if (entries.length === 0) return undefined;
  return {
    kind: 'busy',
    title: TITLES.busy,
    count: entries.reduce((total, entry) => total + entry.count, 0),
    more: Math.max(0, entries.length - listed),
    items: entries.slice(0, listed).map((entry) => ({
      time: iso(entry.last),
      address: entry.address,
      detail: Messages.busy,
      count: entry.count,
      sample: null,
      suggestion: null,
      activity: null,
      sessionId: null,
      player: null,
      who: null,
    })),
  };
}

function firstRun(ctx: AppContext, now: number): FirstRunCheck | null {
  const lan = lanClientsOf(ctx);
  if (!lan || lan.last) return null;
  const opened = listActivities(ctx.db)
    .filter((activity) => activity.open)
    .map((activity) => Date.parse(activity.opened ?? activity.created))
    .filter((time) => Number.isFinite(time));
  if (opened.length === 0) return null;
  const waitingSince = Math.max(lan.since, Math.min(...opened));
  if (now - waitingSince < FIRST_RUN_AFTER_MS) return null;
  const mdns = mdnsInfo(ctx);
  // The help says which address to open from a student's computer: the network's, with or without the LAN name.
  const addresses = mdns.enabled ? mdns.addresses : gameUrls(reachableUrls(ctx.config.host, ctx.config.port)).map((url) => new URL(url).hostname);
  return { waitingSince: iso(waitingSince), port: ctx.config.port, addresses };
}

/** Everything the Diagnostics screen shows, in one read. */
export function readDiagnostics(ctx: AppContext, port: number, options: DiagnosticsOptions = {}): Diagnostics {
  const now = ctx.now();
  const groups = rejectionGroups(ctx, now, options.listAll);
  // Silent games and busy refusals are not stored refusals: shown after those, before the catch-all group.
  const between = [silentGames(ctx, now), busyGames(ctx, now, options.listAll)].filter((group) => group !== undefined);
  return {
    ...networkDiagnostics(ctx, port, now),
    groups: [...groups.filter((group) => group.kind !== 'other'), ...between, ...groups.filter((group) => group.kind === 'other')],
  };
}

/** What Diagnostics says of the network (the LAN name, the last other computer heard, the first run), without its groups. */
export function networkDiagnostics(ctx: AppContext, port: number, now = ctx.now()): Omit<Diagnostics, 'groups'> {
  const last = lanClientsOf(ctx)?.last;
  const first = firstRun(ctx, now);
  return {
    generatedAt: iso(now),
    mdns: mdnsInfo(ctx),
    lastLanClient: last ? { time: iso(last.at), address: last.address } : null,
    firstRun: first && { ...first, port },
  };
}

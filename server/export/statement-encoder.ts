import { canonicalTimestamp } from '../normalize/canonical-timestamp.js';
import { topLevelMembers } from '../normalize/json-members.js';
import {
  addContextExtensions,
  FIRST_KEYS,
  isObject,
  normalizeActor,
  normalizeAuthority,
  normalizeContext,
  normalizeObject,
  normalizeResult,
  normalizeVerb,
  normalizeVersion,
  objectBaseOf,
  type StoredStatementRow,
} from '../normalize/normalize-statement.js';
import { isTimestamp, isUuid } from '../xapi/validation/formats.js';
import { validateXapiStatement } from '../xapi/validation/validate-statement.js';
import { isOrdinaryTimestamp } from './ordinary-timestamp.js';
import { outgoingStatement } from './outgoing-statements.js';
import { type ExportSettings, hiddenActor, hiddenContext, hiddenObject } from './pseudonymous-agents.js';
import { asCollected, type OriginColumns, settingsForOrigin } from './statement-origin.js';

/** One statement as it leaves: the text of its normalised form and the validator's verdict (null = valid xAPI). */
export interface EncodedStatement {
  text: string;
  problem: string | null;
}

/** The reference: normalise, validate, serialise. What the encoder below must reproduce byte for byte. */
export function encodeStraightforward(row: StoredStatementRow & OriginColumns, settings: ExportSettings): EncodedStatement {
  const { statement, problem } = outgoingStatement(row, settings);
  return { text: JSON.stringify(statement), problem };
}

/** A normalised member's text and whether it passes the validator in any otherwise valid statement. */
interface Part {
  text: string;
  valid: boolean;
}

interface ObjectPart extends Part {
  /** The collector's keys moved to context (RAGE), as JSON, or null. */
  moved: string | null;
  /** Whether context's revision/platform are allowed (the object is an Activity). */
  activity: boolean;
  /** The context each received context text (or '' for none) becomes next to this object; text null = no context. */
  contexts: Map<string, { text: string | null; valid: boolean }>;
}

interface Scope {
  rage: boolean;
  gameId: string | null;
  versionId: string | null;
  link: string | null;
  objectBase: string | null;
  objects: Map<string, ObjectPart>;
}

// Cached entries in all maps together; past this the caches start again (memory stays bounded on varied data).
const MAX_ENTRIES = 20_000;

// The validator's verdict on one member: that member inside a statement whose other members are valid. The validator
// checks members independently, except that context's revision/platform depend on whether the object is an Activity
// (probed with an object of the same kind) and that a voided verb needs a StatementRef object (such a verb fails
// its probe, so those statements take the full validation).
const PROBE_ACTIVITY = { id: 'http://example.com/probe' };
const PROBE_AGENT = { objectType: 'Agent', mbox: 'mailto:probe@example.com' };
const PROBE = {
  id: '00000000-0000-4000-8000-000000000000',
  actor: PROBE_AGENT,
  verb: { id: 'http://example.com/probe' },
  object: PROBE_ACTIVITY,
};

export function probeValid(members: Record<string, unknown>): boolean {
  return validateXapiStatement({ ...PROBE, ...members }, { version: '1.0' }) === null;
}

const FIRST = new Set(FIRST_KEYS);

/**
 * The export's fast path to the same bytes as encodeStraightforward. Statements repeat the same members (a verb, an
 * object, a player's actor) thousands of times; the member texts are cut out of the stored JSON without parsing, and
 * each distinct member is normalised, validated and serialised once, with the same functions normalizeStatement
 * uses. Only the per-statement members (id, timestamp, stored) are handled every time. A statement that is not
 * valid, or has anything unusual (a timestamp to replace, unknown members, odd JSON), goes the straightforward way,
 * so the problem reported is the validator's own.
 */
export class StatementEncoder {
  /** How many statements took each path (for tests and the benchmark). */
  readonly taken = { fast: 0, straightforward: 0 };
  private entries = 0;
  private anonymousActors = new Map<string, Map<string, Part>>();
  private identifiedActors = new Map<string, Map<string, Part>>();
  private xapiActors = new Map<string, Map<string, Part>>();
  private keptActors = new Map<string, Part>();
  private scopes = new Map<string, Scope>();
  private lastScope: Scope | null = null;
  private verbs = new Map<string, Part>();
  private results = new Map<string, Part>();
  private authorities = new Map<string, Part>();
  private versions = new Map<string, Part>();
  private readonly collectorAuthority: Part;
  private lastStored = '';
  private lastStoredText = '';
  private lastStoredValid = false;
  /** Statements collected by another Aula: an encoder per origin, its caches built with that origin's settings. */
  private readonly elsewhere = new Map<ExportSettings, StatementEncoder>();

  constructor(private readonly settings: ExportSettings) {
    const authority = normalizeAuthority(undefined, 'rage', settings.homePage);
    this.collectorAuthority = { text: JSON.stringify(authority), valid: probeValid({ authority }) };
  }

  encode(received: StoredStatementRow & OriginColumns): EncodedStatement {
    const own = settingsForOrigin(received, this.settings);
    if (own !== this.settings) return this.elsewhereEncoder(own).encode(received);
    const row = asCollected(received);
    let text: string | null;
    try {
      text = this.fast(row);
    } catch {
      // A member that does not parse: the straightforward path meets the same text and answers as it always has.
      text = null;
    }
    if (text !== null) {
      this.taken.fast++;
      return { text, problem: null };
    }
    this.taken.straightforward++;
    return encodeStraightforward(row, this.settings);
  }

  private elsewhereEncoder(settings: ExportSettings): StatementEncoder {
    let encoder = this.elsewhere.get(settings);
    if (encoder === undefined) {
      encoder = new StatementEncoder(settings);
      this.elsewhere.set(settings, encoder);
    }
    return encoder;
  }

  /** The statement's text when it is valid and ordinary, else null. */
  private fast(row: StoredStatementRow): string | null {
    const members = topLevelMembers(row.json);
    if (members === null) return null;
    let actor: string | undefined;
    let verb: string | undefined;
    let object: string | undefined;
    let result: string | undefined;
    let context: string | undefined;
    let timestamp: string | undefined;
    let authority: string | undefined;
    let version: string | undefined;
    for (const member of members) {
      const raw = member.value;
      switch (member.key) {
        case 'actor':
          actor = raw;
          break;
        case 'verb':
          verb = raw;
          break;
        case 'object':
          object = raw;
          break;
        case 'result':
          result = raw;
          break;
        case 'context':
          context = raw;
          break;
        case 'timestamp':
          timestamp = raw;
          break;
        case 'authority':
          authority = raw;
          break;
        case 'version':
          version = raw;
          break;
        default:
          // id and stored are replaced by the row's; they are parsed only so that broken JSON is never let through.
          if (!FIRST.has(member.key)) return null;
          JSON.parse(raw);
      }
    }
    // actor, verb and object are required: without one the statement is invalid and the validator must say why.
    if (actor === undefined || verb === undefined || object === undefined) return null;
    if (!isUuid(row.id)) return null;
    const rage = row.source === 'rage';

    const actorPart = this.actorPart(actor, row);
    const verbPart = this.cached(this.verbs, verb, (value) => {
      const normalized = normalizeVerb(value, this.settings.namespace);
      return { text: JSON.stringify(normalized), valid: probeValid({ verb: normalized }) };
    });
    const objectPart = this.objectPart(object, row);
    if (!actorPart.valid || !verbPart.valid || !objectPart.valid) return null;
    let out = `{"id":${JSON.stringify(row.id)},"actor":${actorPart.text},"verb":${verbPart.text},"object":${objectPart.text}`;
    if (result !== undefined) {
      const resultPart = this.cached(this.results, result, (value) => {
        const normalized = normalizeResult(value, this.settings.namespace);
        return { text: JSON.stringify(normalized), valid: probeValid({ result: normalized }) };
      });
      if (!resultPart.valid) return null;
      out += `,"result":${resultPart.text}`;
    }
    const contextPart = this.contextPart(objectPart, context);
    if (!contextPart.valid) return null;
    if (contextPart.text !== null) out += `,"context":${contextPart.text}`;

    const stored = this.storedText(row.stored);
    if (stored === null) return null;
    if (timestamp === undefined) out += `,"timestamp":${stored}`;
    else {
      const value = timestamp.charCodeAt(0) === 0x22 && !timestamp.includes('\\') ? timestamp.slice(1, -1) : JSON.parse(timestamp);
      // A timestamp that must be replaced also adds an extension to context: the straightforward path does that.
      if (typeof value !== 'string' || !(isOrdinaryTimestamp(value) || canonicalTimestamp(value) === value)) return null;
      out += `,"timestamp":${JSON.stringify(value)}`;
    }
    out += `,"stored":${stored}`;

    const authorityPart =
      rage || authority === undefined
        ? this.collectorAuthority
        : this.cached(this.authorities, authority, (value) => {
            const normalized = normalizeAuthority(value, 'xapi', this.settings.homePage);
            return { text: JSON.stringify(normalized), valid: probeValid({ authority: normalized }) };
          });
    if (!authorityPart.valid) return null;
    if (rage && authority !== undefined) JSON.parse(authority);
    out += `,"authority":${authorityPart.text}`;
    if (rage || version === undefined) {
      if (version !== undefined) JSON.parse(version);
      return `${out},"version":"1.0.0"}`;
    }
    const versionPart = this.cached(this.versions, version, (value) => {
      const normalized = normalizeVersion(value, 'xapi');
      return { text: JSON.stringify(normalized), valid: probeValid({ version: normalized }) };
    });
    return versionPart.valid ? `${out},"version":${versionPart.text}}` : null;
  }

  private actorPart(raw: string, row: StoredStatementRow): Part {
    // A RAGE actor depends on the player (per-player accounts, pseudonyms); an xAPI actor is kept as sent, unless
    // pseudonymised (the player's pseudonym). Keyed by the player's id string itself (the row reader hands out the
    // same string each time, so its hash is reused).
    const salt = this.settings.pseudonymSalt;
    let byText: Map<string, Part> | undefined;
    if (row.playerPublicId !== null && (row.source === 'rage' || salt !== null)) {
      const byPlayer = row.source === 'xapi' ? this.xapiActors : row.playerKind === 'identified' ? this.identifiedActors : this.anonymousActors;
      byText = byPlayer.get(row.playerPublicId);
      if (byText === undefined) {
        byText = new Map();
        this.remember(byPlayer, row.playerPublicId, byText);
      }
    } else byText = this.keptActors;
    return this.cached(byText, raw, (value) => {
      const normalized = normalizeActor(value, row, this.settings);
      const actor = salt === null ? normalized : hiddenActor(normalized, row, this.settings, salt);
      return { text: JSON.stringify(actor), valid: probeValid({ actor }) };
    });
  }

  private objectPart(raw: string, row: StoredStatementRow): ObjectPart {
    const rage = row.source === 'rage';
    // Consecutive rows mostly share one game version: compared by identity before any lookup.
    let scope = this.lastScope;
    if (scope === null || scope.rage !== rage || scope.gameId !== row.gameId || scope.versionId !== row.versionId || scope.link !== row.versionLink) {
      const none = '\u0001';
      const key = `${rage ? 'r' : 'x'}\u0000${row.gameId ?? none}\u0000${row.versionId ?? none}\u0000${row.versionLink ?? none}`;
      scope = this.scopes.get(key) ?? null;
      if (scope === null) {
        scope = { rage, gameId: row.gameId, versionId: row.versionId, link: row.versionLink, objectBase: objectBaseOf(row, this.settings), objects: new Map() };
        this.remember(this.scopes, key, scope);
      }
      this.lastScope = scope;
    }
    const objectBase = scope.objectBase;
    return this.cached(scope.objects, raw, (value): ObjectPart => {
      const moved: Record<string, unknown> | null = rage ? {} : null;
      const normalized = normalizeObject(value, objectBase, this.settings.namespace, moved);
      const objectType = isObject(normalized) ? normalized.objectType : undefined;
      const salt = this.settings.pseudonymSalt;
      const shown = salt === null ? normalized : hiddenObject(normalized, this.settings, salt);
      return {
        text: JSON.stringify(shown),
        valid: probeValid({ object: shown }),
        moved: moved !== null && Object.keys(moved).length > 0 ? JSON.stringify(moved) : null,
        activity: objectType === undefined || objectType === 'Activity',
        contexts: new Map(),
      };
    });
  }

  private contextPart(object: ObjectPart, raw: string | undefined): { text: string | null; valid: boolean } {
    const key = raw ?? '';
    const known = object.contexts.get(key);
    if (known !== undefined) return known;
    const ns = this.settings.namespace;
    const normalized = normalizeContext(raw === undefined ? undefined : JSON.parse(raw), ns);
    if (object.moved !== null) addContextExtensions(normalized, JSON.parse(object.moved) as Record<string, unknown>, ns);
    const salt = this.settings.pseudonymSalt;
    const context = salt === null ? normalized : hiddenContext(normalized, this.settings, salt);
    const part =
      Object.keys(normalized).length > 0 || raw !== undefined
        ? { text: JSON.stringify(context), valid: probeValid({ object: object.activity ? PROBE_ACTIVITY : PROBE_AGENT, context }) }
        : { text: null, valid: true };
    this.remember(object.contexts, key, part);
    return part;
  }

  private storedText(stored: string): string | null {
    if (stored !== this.lastStored) {
      this.lastStored = stored;
      this.lastStoredText = JSON.stringify(stored);
      this.lastStoredValid = isTimestamp(stored);
    }
    return this.lastStoredValid ? this.lastStoredText : null;
  }

  private cached<T>(map: Map<string, T>, raw: string, make: (value: unknown) => T): T {
    const known = map.get(raw);
    if (known !== undefined) return known;
    const made = make(JSON.parse(raw));
    this.remember(map, raw, made);
    return made;
  }

  private remember<T>(map: Map<string, T>, key: string, value: T): void {
    if (++this.entries > MAX_ENTRIES) {
      // Start afresh; the map being filled is cleared too, so nothing outlives the limit.
      this.entries = 1;
      this.anonymousActors = new Map();
      this.identifiedActors = new Map();
      this.xapiActors = new Map();
      this.keptActors = new Map();
      this.scopes = new Map();
      this.lastScope = null;
      this.verbs.clear();
      this.results.clear();
      this.authorities.clear();
      this.versions.clear();
      map.clear();
    }
    map.set(key, value);
  }
}

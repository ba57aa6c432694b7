import type { ExportSettings } from '../pseudonymous-agents.js';

/** Fields per row on the wire: a flat array of primitives clones far faster than an array of objects. */
export const ROW_FIELDS = 12;

/**
 * id, stored, source, json, playerPublicId, playerKind, gameId, versionId, versionLink, originHomePage, originNamespace,
 * originGameId —
 * ROW_FIELDS per row.
 */
export type WireRows = Array<string | null>;

export interface EncodeWorkerData {
  settings: ExportSettings;
  /** What goes between two encoded statements in a batch's text (and after the last, for `terminated`). */
  separator: string;
  terminated: boolean;
}

export type ToEncodeWorker =
  | { type: 'encode'; id: number; rows: WireRows }
  /** A batch's buffer, written and handed back for the next batches (transferred). */
  | { type: 'recycle'; buffer: ArrayBuffer };

export type FromEncodeWorker =
  | { type: 'ready' }
  | {
      type: 'encoded';
      id: number;
      /** The batch's UTF-8 bytes, at the start of an ArrayBuffer that is transferred, not copied, and may come back. */
      bytes: Uint8Array;
      count: number;
      /** Invalid statements in order: id, then the validator's problem. */
      problems: string[];
    }
  | { type: 'failed'; id: number; message: string };

import type { Collector } from '../../../server/index.js';

/** What the cases can refer to: a running collector and the fixtures created in it before the corpus runs. */
export interface Env {
  collector: Collector;
  codes: { open: string; closed: string; members: string; version: string };
  /** Two anonymous sessions on the open activity. */
  tokenA: string;
  tokenB: string;
  actorA: Record<string, unknown>;
  playerA: string;
  /** A student of the members-only activity's class, with a valid login token and a revoked one. */
  student: { id: string; username: string; password: string; loginToken: string; revokedToken: string };
  jwtSecret: string;
  xapiAuth: string;
  /** Contents of a file next to (outside) the dashboard folder: must never be served. */
  secret: string;
}

export interface Answer {
  /** null when the connection closed without any answer. */
  status: number | null;
  headers: Record<string, string>;
  body: string;
}

export interface Expectation {
  /** One status, or the statuses that are all acceptable. */
  status: number | null | Array<number | null>;
  /** Exact body text, or a pattern. */
  body?: string | RegExp;
  /** Text the answer must not contain. */
  excludes?: string;
  /** Rows the case adds (0 unless said: refused requests change nothing). */
  statements?: number;
  sessions?: number;
  players?: number;
  check?(env: Env, answer: Answer): void;
}

/** Bytes to send; every request carries `Connection: close`, so the answer is everything until the socket closes. */
export interface Wire {
  /** The whole request, or the pieces of a slow client sent `pauseMs` apart. */
  bytes: Buffer | Buffer[];
  pauseMs?: number;
}

export interface HostileCase {
  group: string;
  name: string;
  request(env: Env): Wire;
  expect: Expectation | ((env: Env) => Expectation);
}

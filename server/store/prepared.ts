import type { Statement } from 'better-sqlite3';
import type { Db } from './open-database.js';

const caches = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, compiled once per connection: repositories call this with literal SQL on every use. */
export function prepared<Params extends unknown[] | object = unknown[], Row = unknown>(
  db: Db,
  sql: string,
): Statement<Params, Row> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement as unknown as Statement<Params, Row>;
}

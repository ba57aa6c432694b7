import type { AppContext } from '../context.js';
import { RulesEngine, type RulesEngineOptions } from './rules-engine.js';

const engines = new WeakMap<AppContext, RulesEngine>();

/** The collector's one rules engine, started on first use and stopped (after a last flush) with the collector. */
export function rulesEngineFor(ctx: AppContext, options?: RulesEngineOptions): RulesEngine {
  let engine = engines.get(ctx);
  if (!engine) {
    // AULA_RULES=off: no live rules and no maintained results (a measuring aid; alerts stay readable).
    const created = new RulesEngine(ctx, { listen: process.env.AULA_RULES !== 'off', ...options });
    engines.set(ctx, created);
    ctx.onClose(() => created.close());
    engine = created;
  }
  return engine;
}

import type { AppContext } from '../context.js';
import { getOrCreateSetting, getSetting, setSetting } from '../store/settings-repo.js';
import { newTeacherKey, TEACHER_KEY_SETTING } from './teacher-key.js';

/**
 * The installation's teacher key, in the settings table. Read from the database on every check (one indexed row)
 * rather than cached, so a new key takes effect at once in every place that asks.
 */
export class TeacherKeyStore {
  constructor(private readonly ctx: AppContext) {
    // At startup, like the JWT secret: nothing else writes yet, so this runs outside the write queue.
    getOrCreateSetting(ctx.db, TEACHER_KEY_SETTING, newTeacherKey);
  }

  current(): string {
    return getSetting(this.ctx.db, TEACHER_KEY_SETTING) ?? '';
  }

  /** A new key: the old one and every cookie issued with it stop working as soon as this resolves. */
  async regenerate(): Promise<string> {
    const key = newTeacherKey();
    await this.ctx.writer.run((db) => setSetting(db, TEACHER_KEY_SETTING, key));
    this.ctx.log.info('teacher key regenerated: other devices must enter the new key');
    return key;
  }
}

// One store per running collector, without a field in AppContext.
const stores = new WeakMap<AppContext, TeacherKeyStore>();

export function teacherKeyStore(ctx: AppContext): TeacherKeyStore {
  let store = stores.get(ctx);
  if (!store) {
    store = new TeacherKeyStore(ctx);
    stores.set(ctx, store);
  }
  return store;
}

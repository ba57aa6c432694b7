import { after, before } from 'node:test';
import { type Collector, type CollectorOptions, type ConfigInput, createCollector } from '../../server/index.js';
import { createLogger } from '../../server/logger.js';
import { tempDir } from './temp-dir.js';

export interface TestCollectorOptions extends CollectorOptions {
  dataDir?: string;
  homePage?: string;
  /** Any other configuration, e.g. a small `ingestQueueLimit`. */
  config?: Partial<ConfigInput>;
}

// Every collector a test file starts is closed when the file's tests are done, even if the test forgot to: an open
// server or writer thread would keep the file's process alive and hang the whole run. (Registered at import time,
// so it is a file-level hook; close() is idempotent.)
const started = new Set<Collector>();
after(async () => {
  for (const collector of started) await collector.close();
});

/**
 * A real collector on an ephemeral loopback port over a real SQLite file in a temp folder. Close it when a test is
 * done with it (`await collector.close()`); whatever is still open is closed after the file's last test.
 */
export async function startTestCollector(options: TestCollectorOptions = {}): Promise<Collector> {
  const { dataDir, homePage, config, ...rest } = options;
  const collector = await createCollector(
    {
      dataDir: dataDir ?? tempDir(),
      host: '127.0.0.1',
      port: 0,
      homePage: homePage ?? 'http://aula.test/',
      logLevel: 'silent',
      ...config,
    },
    { logger: createLogger('silent', { pretty: false }), ...rest },
  );
  started.add(collector);
  return collector;
}

/** Starts one collector before the file's tests and closes it after them; read `.current` inside tests. */
export function useTestCollector(options: TestCollectorOptions = {}): { readonly current: Collector } {
  let collector: Collector | undefined;
  before(async () => {
    collector = await startTestCollector(options);
  });
  after(() => collector?.close());
  return {
    get current(): Collector {
      if (!collector) throw new Error('the test collector is not started yet');
      return collector;
    },
  };
}

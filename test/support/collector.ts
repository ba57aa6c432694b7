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

/**
 * A real collector on an ephemeral loopback port over a real SQLite file in a temp folder. The caller closes it
 * (`await collector.close()`); `useTestCollector` does both for a whole test file.
 */
export async function startTestCollector(options: TestCollectorOptions = {}): Promise<Collector> {
  const { dataDir, homePage, config, ...rest } = options;
  return createCollector(
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

import { after } from 'node:test';
import { type Collector, type CollectorOptions, createCollector } from '../../server/index.js';
import { createLogger } from '../../server/logger.js';
import { tempDir } from './temp-dir.js';

export interface TestCollectorOptions extends CollectorOptions {
  dataDir?: string;
  homePage?: string;
}

/** A real collector on an ephemeral loopback port over a real SQLite file in a temp folder; closed after the file. */
export async function startTestCollector(options: TestCollectorOptions = {}): Promise<Collector> {
  const { dataDir, homePage, ...rest } = options;
  const collector = await createCollector(
    { dataDir: dataDir ?? tempDir(), host: '127.0.0.1', port: 0, homePage: homePage ?? 'http://aula.test/', logLevel: 'silent' },
    { logger: createLogger('silent', { pretty: false }), ...rest },
  );
  after(() => collector.close());
  return collector;
}

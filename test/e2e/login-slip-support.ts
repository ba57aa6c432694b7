import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { runAula } from '../support/run-aula.js';

/** `aula …` on the collector's data folder, as the teacher types it; its standard output. */
export async function aula(collector: Collector, ...args: string[]): Promise<string> {
  const run = await runAula([...args, '--data-dir', collector.config.dataDir]);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout;
}

/** The address the Connect screen gives games, as the dashboard reads it. */
export const gameAddress = (page: Page) =>
  page.evaluate(async () => ((await (await fetch('/admin/api/connect')).json()) as { urls: string[] }).urls[0] as string);

const trackingCode = async (collector: Collector, ...args: string[]) =>
  (JSON.parse(await aula(collector, 'activity', 'create', ...args, '--json')) as { trackingCode: string }).trackingCode;

/**
 * Maths 3B with an open activity (Fractions, its students only) and a closed one (Old quiz), and 4A with its own
 * (Geometry): a slip names the first only.
 */
export async function twoClassesWithActivities(collector: Collector): Promise<{ fractions: string; closed: string; otherClass: string }> {
  await aula(collector, 'class', 'create', '--name', 'Maths 3B');
  await aula(collector, 'class', 'create', '--name', '4A');
  return {
    fractions: await trackingCode(collector, '--name', 'Fractions', '--class', 'Maths 3B', '--no-anonymous'),
    closed: await trackingCode(collector, '--name', 'Old quiz', '--class', 'Maths 3B', '--closed'),
    otherClass: await trackingCode(collector, '--name', 'Geometry', '--class', '4A'),
  };
}

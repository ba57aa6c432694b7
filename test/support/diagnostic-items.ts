import assert from 'node:assert/strict';
import type { DiagnosticGroup, DiagnosticItem, Diagnostics } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { request } from './http.js';

/** The lines the Diagnostics screen lists under one kind, once the refusals sent so far are stored. */
export async function diagnosticItems(collector: Collector, kind: DiagnosticGroup['kind']): Promise<DiagnosticItem[]> {
  await collector.context.ingest.idle();
  const answer = await request(`${collector.url}/admin/api/diagnostics`);
  assert.equal(answer.status, 200);
  return (answer.json as Diagnostics).groups.find((group) => group.kind === kind)?.items ?? [];
}

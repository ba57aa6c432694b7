import type { z } from 'zod';
import type { Wording } from '../i18n/wording.js';

/**
 * An export option's refusal as the dashboard words it: the Data screen's fields ("Stored from", "until") instead of
 * the CLI's flags the schema's English message names (`aula export` prints that one, byte for byte). Carried in the
 * issue's params, so the schema stays one for both.
 */
export function dashboardParams(dashboard: Wording): { dashboard: Wording } {
  return { dashboard };
}

export function dashboardWordingOf(issue: z.core.$ZodIssue | undefined): Wording | undefined {
  if (issue?.code !== 'custom') return undefined;
  return (issue.params as { dashboard?: Wording } | undefined)?.dashboard;
}

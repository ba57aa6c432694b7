import type { AlertCounts } from './types';

/**
 * The activity whose alerts the header counts (open activities' active alerts and warnings): the one with alerts
 * before one with only warnings, then the one with the newest; null when the header counts none. The dashboard's
 * usual choice, the activity being played, is the wrong one here: Idle alerts fire when an activity's games went
 * silent (a Wi-Fi drop), so the activity that needs the teacher is often the one with no live session.
 */
export function activityWithAlerts(counts: AlertCounts): string | null {
  const ranked = Object.entries(counts.activities).sort(
    ([, a], [, b]) => Number(b.alerts > 0) - Number(a.alerts > 0) || b.latest.localeCompare(a.latest),
  );
  return ranked[0]?.[0] ?? null;
}

/**
 * Where Alerts opens (arriving from the header's count, or without the teacher's choice): on the activity shown if
 * the header counts alerts in it, else on the one it counts them in. The header's count then always leads to what it counts.
 */
export function alertsActivity(counts: AlertCounts, shown: string | null): string | null {
  if (shown && counts.activities[shown]) return shown;
  return activityWithAlerts(counts) ?? shown;
}

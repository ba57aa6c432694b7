// The alerts API's answers (server/admin/alerts-*.ts); the lists' items are declared with the server's answers.
import type { AlertItem, AlertWording, StudentAlerts } from '../../../../server/admin/api-types.js';
import type { Changes } from '../../api/types';

export type { AlertItem, AlertWording, StudentAlerts };

export type Severity = AlertItem['severity'];

export interface AlertsView {
  activity: { id: string; name: string };
  rulesOn: number;
  students: StudentAlerts[];
  history?: AlertItem[];
  /** Present when the player has alerts here older than the history's (the 100 most recent, or ?limit=). */
  more?: boolean;
}

export interface AlertCounts {
  alerts: number;
  warnings: number;
  /** Per open activity with active alerts or warnings; `latest`: when its newest was raised. */
  activities: Record<string, { alerts: number; warnings: number; latest: string }>;
}

export interface CustomRule {
  id: string;
  enabled: boolean;
  name: string;
  verb: string;
  objectType: string;
  condition: 'any' | 'success' | 'failure' | 'completed' | 'score-below';
  score: number;
  count: number;
  windowMinutes: number | null;
  severity: Severity;
}

export interface RuleSettings {
  idle: { enabled: boolean; minutes: number; severity: Severity };
  noProgress: { enabled: boolean; minutes: number; severity: Severity };
  wrongAnswers: { enabled: boolean; inARow: number | null; total: number | null; severity: Severity };
  lowScore: { enabled: boolean; below: number; severity: Severity };
  quit: { enabled: boolean; severity: Severity };
  custom: CustomRule[];
}

/** The activities whose alerts changed in a `changes` event. */
export const alertsChangedIn = (changes: Changes): string[] => changes.alerts;

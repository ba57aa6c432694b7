import { Trans, useTranslation } from 'react-i18next';
import { useResource } from '../api/use-resource';
import { useDashboardData } from '../data';
import { Link } from '../router';
import type { RuleSettings } from './alerts/types';

/** How often, at most, Live asks the activity's rules again while its games send (a rule changed shows within this). */
const RULES_REFRESH_MS = 5000;
/** With the Idle alert off: the server's default (server/rules/idle-after.ts), the header's and Diagnostics' too. */
const DEFAULT_IDLE_AFTER_MINUTES = 3;

export interface IdleAfter {
  minutes: number;
  /** The activity's Idle alert sets it (its minutes); otherwise the default 3 minutes. */
  fromRule: boolean;
}

/**
 * When Live calls a session idle (no longer active): after the activity's Idle alert's minutes when that rule is on,
 * else after 3 minutes, as the server decides it for the header's and Activities' live counts, Diagnostics' silent games
 * and the Idle rule (server/rules/idle-after.ts). This browser's own *Idle after* setting is gone: set to 5 minutes,
 * Live showed students active whom the header no longer counted live and Diagnostics listed as silent. Until the rules
 * are read, the default.
 */
export function useIdleAfter(activityId: string): IdleAfter {
  const rules = useResource<{ rules: RuleSettings }>(`/activities/${encodeURIComponent(activityId)}/rules`, {
    // A change of the rules comes as a change of the activity, as do its statements: hence the throttle.
    staleOn: (changes) => changes.activities[activityId] !== undefined,
    throttleMs: RULES_REFRESH_MS,
  });
  const idle = rules.data?.rules.idle;
  return idle?.enabled ? { minutes: idle.minutes, fromRule: true } : { minutes: DEFAULT_IDLE_AFTER_MINUTES, fromRule: false };
}

/** The toolbar's *Idle after*: its minutes, where they come from, and where to change them. */
export function IdleAfterField({ idleAfter, activityId }: { idleAfter: IdleAfter; activityId: string }) {
  // The link is to change this activity's Idle rule: Alerts must open on it, as if the teacher had chosen it there
  // (left to itself, Alerts opens on the activity whose alerts the header counts).
  const { selectActivity } = useDashboardData();
  const { t } = useTranslation('live');
  return (
    <span className="muted small" style={{ alignSelf: 'center' }} data-testid="idle-after">
      <Trans
        t={t}
        i18nKey={idleAfter.fromRule ? 'idleAfter.fromRule' : 'idleAfter.byDefault'}
        values={{ minutes: idleAfter.minutes }}
        // The link's words come from the wording (Trans fills them in).
        components={{ alerts: <Link to={`/alerts?activity=${encodeURIComponent(activityId)}`} onFollow={() => selectActivity(activityId)}>{null}</Link> }}
      />
    </span>
  );
}

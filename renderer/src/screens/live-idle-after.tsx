import { useResource } from '../api/use-resource';
import { Link } from '../router';
import type { RuleSettings } from './alerts/types';
import { useStoredNumber } from './use-stored-number';

/** How often, at most, Live asks the activity's rules again while its games send (a rule changed shows within this). */
const RULES_REFRESH_MS = 5000;

export interface IdleAfter {
  minutes: number;
  /** The activity's Idle alert sets it (its minutes); otherwise this browser's *Idle after* setting does. */
  fromRule: boolean;
}

/**
 * When Live calls a session idle: after the activity's Idle alert's minutes when that rule is on, so Live and Alerts
 * agree (with the rule at 1 minute, Alerts said "Idle" while Live still showed the student active, with no hint why);
 * else after this browser's *Idle after* setting. Until the rules are read, the browser's setting.
 */
export function useIdleAfter(activityId: string): [IdleAfter, (minutes: number) => void] {
  const [stored, setStored] = useStoredNumber('aula.idleMinutes', 3);
  const rules = useResource<{ rules: RuleSettings }>(`/activities/${encodeURIComponent(activityId)}/rules`, {
    // A change of the rules comes as a change of the activity, as do its statements: hence the throttle.
    staleOn: (changes) => changes.activities[activityId] !== undefined,
    throttleMs: RULES_REFRESH_MS,
  });
  const idle = rules.data?.rules.idle;
  return [idle?.enabled ? { minutes: idle.minutes, fromRule: true } : { minutes: stored, fromRule: false }, setStored];
}

/** The toolbar's *Idle after*: the browser's setting to change, or, with the Idle alert on, its minutes and where to change them. */
export function IdleAfterField({ idleAfter, onChange }: { idleAfter: IdleAfter; onChange: (minutes: number) => void }) {
  if (idleAfter.fromRule) {
    return (
      <span className="muted small" style={{ alignSelf: 'center' }} data-testid="idle-after-rule">
        Idle after {idleAfter.minutes.toLocaleString('en-US', { maximumFractionDigits: 2 })} min, as the Idle alert of this activity (
        <Link to="/alerts">change it in Alerts</Link>)
      </span>
    );
  }
  return (
    <label>
      Idle after
      <input
        type="number"
        min={1}
        max={120}
        value={idleAfter.minutes}
        onChange={(event) => onChange(Math.max(1, Number(event.target.value) || 1))}
        className="input-narrow"
      />
      min
    </label>
  );
}

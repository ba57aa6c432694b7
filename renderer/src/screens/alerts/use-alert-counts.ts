import { type Resource, useResource } from '../../api/use-resource';
import { type AlertCounts, alertsChangedIn } from './types';

/** The header's count of active alerts and warnings in open activities, per activity too; kept fresh by the live stream. */
export function useAlertCounts(): Resource<AlertCounts> {
  return useResource<AlertCounts>('/alerts/count', {
    // An activity closed or opened changes what is counted.
    staleOn: (changes) => alertsChangedIn(changes).length > 0 || Object.keys(changes.activities).length > 0,
    throttleMs: 500,
  });
}

import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import type { Activity } from './api/types';
import type { Resource } from './api/use-resource';
import { LIVE_REFRESH_MS, useResource } from './api/use-resource';
import { defaultActivity, rememberedOrPlaying } from './default-activity';

interface DashboardData {
  activities: Resource<{ activities: Activity[] }>;
  /** The activity the Live and Statements screens follow (kept across visits). */
  activityId: string | null;
  selectActivity(id: string | null): void;
}

const DataContext = createContext<DashboardData | null>(null);
const STORAGE_KEY = 'aula.activity';

function stored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The activity list every screen shares, refreshed when any activity's counts change. */
export function DataProvider({ children }: { children: ReactNode }) {
  const activities = useResource<{ activities: Activity[] }>('/activities', {
    staleOn: (changes) => Object.keys(changes.activities).length > 0,
    throttleMs: 250,
    refreshMs: LIVE_REFRESH_MS,
  });
  const [chosen, setChosen] = useState<string | null>(stored);
  const checkedRemembered = useRef(false);
  const list = activities.data?.activities;
  // Once per visit: the activity this browser remembers from an earlier lesson gives way to the one being played now.
  useEffect(() => {
    if (!list || checkedRemembered.current) return;
    checkedRemembered.current = true;
    setChosen(rememberedOrPlaying(list, chosen));
  }, [list, chosen]);
  const activityId = list && !list.some((a) => a.id === chosen) ? defaultActivity(list)?.id ?? null : chosen;
  useEffect(() => {
    try {
      if (activityId) window.localStorage.setItem(STORAGE_KEY, activityId);
    } catch {
      // private mode: the choice just is not remembered
    }
  }, [activityId]);
  return <DataContext.Provider value={{ activities, activityId, selectActivity: setChosen }}>{children}</DataContext.Provider>;
}

export function useDashboardData(): DashboardData {
  const value = useContext(DataContext);
  if (!value) throw new Error('useDashboardData outside DataProvider');
  return value;
}

export function useSelectedActivity(): Activity | undefined {
  const { activities, activityId } = useDashboardData();
  return activities.data?.activities.find((a) => a.id === activityId);
}

import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { Activity } from './api/types';
import type { Resource } from './api/use-resource';
import { LIVE_REFRESH_MS, useResource } from './api/use-resource';
import { defaultActivity, rememberedOrPlaying } from './default-activity';

interface DashboardData {
  activities: Resource<{ activities: Activity[] }>;
  /** The activity the Live and Statements screens follow (kept across visits). */
  activityId: string | null;
  /** The teacher's own choice (a picker, the header's alerts count): screens then do not choose for them. */
  selectActivity(id: string | null): void;
  /** Whether the teacher chose the activity during this visit, rather than the dashboard choosing it for them. */
  chosenByTeacher: boolean;
  /** How many choices the teacher made this visit: a screen's own choice for them (Alerts) holds only until the next. */
  choices: number;
  /** Once the visit's first choice is made (the remembered one, or the one being played): a screen's choice comes after. */
  settled: boolean;
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
  const [chosenByTeacher, setChosenByTeacher] = useState(false);
  const [choices, setChoices] = useState(0);
  const checkedRemembered = useRef(false);
  const [settled, setSettled] = useState(false);
  const list = activities.data?.activities;
  // Once per visit: the activity this browser remembers from an earlier lesson gives way to the one being played now.
  useEffect(() => {
    if (!list || checkedRemembered.current) return;
    checkedRemembered.current = true;
    setChosen(rememberedOrPlaying(list, chosen));
    setSettled(true);
  }, [list, chosen]);
  const activityId = list && !list.some((a) => a.id === chosen) ? defaultActivity(list)?.id ?? null : chosen;
  useEffect(() => {
    try {
      if (activityId) window.localStorage.setItem(STORAGE_KEY, activityId);
    } catch {
      // private mode: the choice just is not remembered
    }
  }, [activityId]);
  const selectActivity = useCallback((id: string | null) => {
    setChosen(id);
    setChosenByTeacher(true);
    setChoices((count) => count + 1);
  }, []);
  return (
    <DataContext.Provider value={{ activities, activityId, selectActivity, chosenByTeacher, choices, settled }}>{children}</DataContext.Provider>
  );
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

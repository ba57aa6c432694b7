import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../api/types';
import { lessonCut, reopenedToday } from '../../format/lesson-cut';
import { formatTime } from '../../format/time';
import { useNow } from '../../use-now';

/** Results of every lesson, or of this one: since the activity was last opened again (`?lesson=current`). */
export type LessonShown = 'all' | 'lesson';

export interface LessonChoice {
  /** What is shown now; always `all` for an activity never closed and opened again (its one lesson is everything). */
  shown: LessonShown;
  choose: (shown: LessonShown) => void;
  /** The query of the results and the CSV for it: empty for every lesson, the answers as they always were. */
  query: string;
}

/**
 * Live's "this lesson" for Results: shown first when the activity was opened again today after a close (1A's
 * afternoon, next week's lesson with the same code), as Live does (reopenedToday), else every lesson, until the teacher
 * chooses. The choice is the activity's: picking another activity starts from its own default.
 */
export function useLessonChoice(activity: Activity | undefined): LessonChoice {
  const now = useNow(60_000);
  const [chosen, setChosen] = useState<{ activityId: string; shown: LessonShown } | null>(null);
  const cut = activity ? hasEarlierLesson(activity) : false;
  const fallback: LessonShown = activity && reopenedToday(activity, now) ? 'lesson' : 'all';
  const shown: LessonShown = !cut ? 'all' : chosen && chosen.activityId === activity?.id ? chosen.shown : fallback;
  return {
    shown,
    choose: (next) => activity && setChosen({ activityId: activity.id, shown: next }),
    query: shown === 'lesson' ? '?lesson=current' : '',
  };
}

/**
 * Whether the activity had a lesson before this one: closed, and opened again since it was created (as the server's
 * readLessonResults takes it). Closed after the lesson it was created for, its one lesson is all there is.
 */
function hasEarlierLesson(activity: Activity): boolean {
  return lessonCut(activity) !== null && Date.parse(activity.opened ?? '') > Date.parse(activity.created);
}

/** The Show select beside the activity: "all lessons" / "this lesson, since 1:02 PM"; none for a single lesson. */
export function LessonSelect({ activity, choice }: { activity: Activity | undefined; choice: LessonChoice }) {
  const { t } = useTranslation('results');
  const now = useNow(60_000);
  if (!activity?.opened || !hasEarlierLesson(activity)) return null;
  return (
    <label className="picker" htmlFor="results-lesson">
      {t('lesson.show')}
      <select id="results-lesson" value={choice.shown} onChange={(event) => choice.choose(event.target.value as LessonShown)}>
        <option value="lesson">{t('lesson.current', { time: formatTime(activity.opened, now) })}</option>
        <option value="all">{t('lesson.all')}</option>
      </select>
    </label>
  );
}

import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ActivityResults } from '../../../../server/admin/api-types.js';
import { downloadHref } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ActivityPicker } from '../../components/activity-picker';
import { PlayerName } from '../../components/player-name';
import { ScreenTitle } from '../../components/screen-title';
import { EmptyState, ErrorBox, Loading } from '../../components/states';
import { useDashboardData, useSelectedActivity } from '../../data';
import { Link } from '../../router';
import '../alerts/alerts.css';
import { distinctNames, inShownOrder, shownObjectName } from '../../format/object-names';
import { outsiderClasses } from '../../format/roll-call';
import { formatCount, formatTime } from '../../format/time';
import { classesChangedIn } from '../classes/class-requests';
import { AxisTick } from './axis-tick';
import { minutes, pct, score } from './figures';
import { LessonSelect, useLessonChoice } from './lesson-choice';
import { LevelsChart } from './levels-chart';
import { NotStartedRow } from './not-started-row';

/** The figures' columns after the player's, in order (each a `results` wording under `columns`). */
const FIGURE_COLUMNS = ['sessions', 'timePlayed', 'progress', 'completed', 'correct', 'incorrect', 'bestScore', 'lastScore'] as const;

/** Per-student results of one activity, class aggregates with charts, and the CSV download. */
export function ResultsScreen() {
  const { t } = useTranslation('results');
  const { activityId } = useDashboardData();
  const activity = useSelectedActivity();
  // Every lesson, or this one (since the activity was last opened again): the screen and the CSV follow the choice.
  const lesson = useLessonChoice(activity);
  const results = useResource<ActivityResults>(activityId ? `/activities/${encodeURIComponent(activityId)}/results${lesson.query}` : null, {
    // Results are written up to a second after the statements they come from: their own change counts too.
    // The class's roster too: a student added to it is listed as not started yet.
    staleOn: (changes) =>
      activityId
        ? (changes.activities[activityId] ?? 0) > 0 ||
          (changes.results?.includes(activityId) ?? false) ||
          (activity?.classId ? classesChangedIn(changes).includes(activity.classId) : false)
        : false,
    // This lesson's are folded anew from its statements at each ask (0.27 s of the server's time for a lesson of 54,000
    // statements, read-lesson-results.ts): asked again less often while games play.
    throttleMs: lesson.shown === 'lesson' ? 5000 : 2000,
  });
  if (!activityId) {
    return (
      <section>
        <div className="screen-head">
          <ScreenTitle title={t('title')}>{t('title')}</ScreenTitle>
        </div>
        <EmptyState title={t('noActivity.title')}>
          <p>
            <Trans t={t} i18nKey="noActivity.body" components={{ go: <TransLink to="/activities" /> }} />
          </p>
        </EmptyState>
      </section>
    );
  }
  const data = results.data;
  const questionNames = distinctNames((data?.aggregates.questions ?? []).map((q) => ({ objectId: q.objectId, name: shownObjectName(q) })));
  // By the names shown, "Question 2" before "Question 10", whatever their ids.
  const questions = inShownOrder(data?.aggregates.questions ?? [], (q) => questionNames.get(q.objectId) ?? shownObjectName(q));
  // Older servers' answers have no notStarted.
  const notStarted = data?.notStarted ?? [];
  const className = activity?.className ?? t('theClass');
  const fromOtherClasses = (data?.students ?? []).filter((student) => student.fromOtherClass).length;
  // The opening this lesson began with, as the answer names it (null: every lesson, or a single one).
  const since = data?.lesson?.since ?? null;
  return (
    <section>
      <div className="screen-head">
        <ScreenTitle title={t('title')}>{t('title')}</ScreenTitle>
        <ActivityPicker id="results-activity" />
        <LessonSelect activity={activity} choice={lesson} />
        <a className="button-small" href={downloadHref(`/activities/${encodeURIComponent(activityId)}/results.csv${lesson.query}`)} download>
          {t('downloadCsv')}
        </a>
      </div>
      {results.error && <ErrorBox error={results.error} onRetry={results.reload} />}
      {!data && !results.error && <Loading />}
      {data && data.students.length === 0 && since && (
        <EmptyState title={t('nobodyThisLesson.title')}>
          <p>{t('nobodyThisLesson.body', { time: formatTime(since) })}</p>
        </EmptyState>
      )}
      {data && data.students.length === 0 && !since && (
        <EmptyState title={t('nobodyPlayed.title')}>
          <p>
            <Trans
              t={t}
              i18nKey={activity ? 'nobodyPlayed.withCode' : 'nobodyPlayed.withoutCode'}
              values={{ code: activity?.trackingCode }}
              components={{ code: <code className="code" />, go: <TransLink to="/connect" /> }}
            />
          </p>
        </EmptyState>
      )}
      {data && data.students.length > 0 && (
        <p className="activity-facts">
          {/* Everyone who played counts, anonymous or not, but students of another class (read-results.ts); "finished" is a completed game (the sessions' completion). */}
          <Trans
            t={t}
            i18nKey="finished"
            count={data.aggregates.students}
            values={{ percent: pct(data.aggregates.completionRate) }}
            components={{ strong: <strong data-total="completion-rate" /> }}
          />
          {fromOtherClasses > 0 && <span data-total="other-class"> {t('otherClass', { count: fromOtherClasses, className })}</span>}
        </p>
      )}
      {data && notStarted.length > 0 && (
        <p className="activity-facts" data-total="not-started">
          {/* As Live's Not started yet: the roster's students with no session of their own here. */}
          {since
            ? t(data.students.length > 0 ? 'notStartedLastSince' : 'notStartedOnlySince', { count: notStarted.length, className, time: formatTime(since) })
            : t(data.students.length > 0 ? 'notStartedLast' : 'notStartedOnly', { count: notStarted.length, className })}
        </p>
      )}
      {data && data.students.length + notStarted.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="table results-table">
              <thead>
                <tr>
                  <th scope="col">{t('columns.player')}</th>
                  {FIGURE_COLUMNS.map((column) => (
                    <th key={column} scope="col" className="num">
                      {t(`columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.students.map((s) => (
                  <tr key={s.player.id}>
                    <td>
                      <PlayerName player={s.player} />
                      {s.fromOtherClass && (
                        // As Live's "Playing here, not in 1B": the other room's tracking code, typed by mistake?
                        <span className="badge badge-warning badge-other-class" title={t('otherClassTitle', { className })}>
                          {t('otherClassBadge', { className, classes: outsiderClasses(s.fromOtherClass) })}
                        </span>
                      )}
                    </td>
                    <td className="num">{formatCount(s.sessions)}</td>
                    <td className="num">{minutes(s.secondsPlayed)}</td>
                    <td className="num">{pct(s.progress)}</td>
                    <td className="num">{formatCount(s.completed)}</td>
                    <td className="num">{formatCount(s.correct)}</td>
                    <td className="num">{formatCount(s.incorrect)}</td>
                    <td className="num">{score(s.bestScore)}</td>
                    <td className="num">{score(s.lastScore)}</td>
                  </tr>
                ))}
                {notStarted.map((student) => (
                  <NotStartedRow key={student.studentId} student={student} />
                ))}
              </tbody>
            </table>
          </div>
          <div className="chart-grid">
            {data.aggregates.objects.length > 0 && <LevelsChart objects={data.aggregates.objects} />}
            {questions.map((q) => (
              <div className="card" key={q.objectId}>
                <h2>{t('answersTo', { name: questionNames.get(q.objectId) ?? shownObjectName(q) })}</h2>
                {/* A row of room per answer: in a fixed height Recharts named only every other one. */}
                <ResponsiveContainer width="100%" height={answersChartHeight(q.answers.length)}>
                  <BarChart data={q.answers} layout="vertical">
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis type="category" dataKey="response" width={100} interval={0} tick={<AxisTick />} />
                    <Tooltip />
                    <Bar dataKey="count" name={t('chosen')} fill="#7a5bb5" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
                <p className="muted small">
                  {q.answers
                    .map((a) => `${t('answerFigure', { response: a.response, count: a.count })}${a.correct === true ? ' ✓' : a.correct === false ? ' ✗' : ''}`)
                    .join(' · ')}
                </p>
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

/**
 * A Link inside a Trans sentence, which gives it its words as children. Its tag is `<go>`: `<link>` is a void element to
 * the sentence's HTML parser, and the link came out empty with its words after it.
 */
function TransLink({ to, children }: { to: string; children?: ReactNode }) {
  return <Link to={to}>{children}</Link>;
}

const answersChartHeight = (answers: number): number => Math.max(120, 40 + answers * 28);


import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ActivityResults } from '../../../../server/admin/api-types.js';
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
import { classesChangedIn } from '../classes/class-requests';
import { AxisTick } from './axis-tick';
import { LevelsChart } from './levels-chart';
import { NotStartedRow } from './not-started-row';

const minutes = (seconds: number) => (seconds < 60 ? `${seconds} s` : `${Math.round(seconds / 60)} min`);
const pct = (value: number | null) => (value === null ? '—' : `${Math.round((value <= 1 ? value * 100 : value) * 10) / 10} %`);
const score = (value: number | null) => (value === null ? '—' : String(Math.round(value * 100) / 100));


/** Per-student results of one activity, class aggregates with charts, and the CSV download. */
export function ResultsScreen() {
  const { activityId } = useDashboardData();
  const activity = useSelectedActivity();
  const results = useResource<ActivityResults>(activityId ? `/activities/${encodeURIComponent(activityId)}/results` : null, {
    // Results are written up to a second after the statements they come from: their own change counts too.
    // The class's roster too: a student added to it is listed as not started yet.
    staleOn: (changes) =>
      activityId
        ? (changes.activities[activityId] ?? 0) > 0 ||
          (changes.results?.includes(activityId) ?? false) ||
          (activity?.classId ? classesChangedIn(changes).includes(activity.classId) : false)
        : false,
    throttleMs: 2000,
  });
  if (!activityId) {
    return (
      <section>
        <div className="screen-head">
          <ScreenTitle title="Results">Results</ScreenTitle>
        </div>
        <EmptyState title="No activity yet">
          <p>
            Create an activity for your class first: <Link to="/activities">Activities → New activity</Link>. Each
            student's results (time played, levels completed, answers, scores) appear here as they play.
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
  const className = activity?.className ?? 'the class';
  const fromOtherClasses = (data?.students ?? []).filter((student) => student.fromOtherClass).length;
  return (
    <section>
      <div className="screen-head">
        <ScreenTitle title="Results">Results</ScreenTitle>
        <ActivityPicker id="results-activity" />
        <a className="button-small" href={`/admin/api/activities/${encodeURIComponent(activityId)}/results.csv`} download>
          Download CSV
        </a>
      </div>
      {results.error && <ErrorBox error={results.error} onRetry={results.reload} />}
      {!data && !results.error && <Loading />}
      {data && data.students.length === 0 && (
        <EmptyState title="Nobody has played this activity yet">
          <p>
            Start the game on a student's computer with
            {activity ? (
              <>
                {' '}
                tracking code <code className="code">{activity.trackingCode}</code> and
              </>
            ) : (
              ' its tracking code and'
            )}{' '}
            this collector's address from <Link to="/connect">Connect</Link>. Results appear here as the students play.
          </p>
        </EmptyState>
      )}
      {data && data.students.length > 0 && (
        <p className="activity-facts">
          {/* Everyone who played counts, anonymous or not, but students of another class (read-results.ts); "finished" is a completed game (the sessions' completion). */}
          <strong data-total="completion-rate">{pct(data.aggregates.completionRate)}</strong> of {data.aggregates.students}{' '}
          {data.aggregates.students === 1 ? 'player' : 'players'} finished the game.
          {fromOtherClasses > 0 && (
            <span data-total="other-class">
              {' '}
              Not counted: {fromOtherClasses} {fromOtherClasses === 1 ? 'student' : 'students'} of another class, who played
              with this activity's tracking code (marked "not in {className}").
            </span>
          )}
        </p>
      )}
      {data && notStarted.length > 0 && (
        <p className="activity-facts" data-total="not-started">
          {/* As Live's Not started yet: the roster's students with no session of their own here. */}
          Not started yet: {notStarted.length} {notStarted.length === 1 ? 'student' : 'students'} of {className}
          {data.students.length > 0 ? ', listed last.' : '.'}
        </p>
      )}
      {data && data.students.length + notStarted.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="table results-table">
              <thead>
                <tr>
                  <th scope="col">Player</th>
                  <th scope="col" className="num">Sessions</th>
                  <th scope="col" className="num">Time played</th>
                  <th scope="col" className="num">Progress</th>
                  <th scope="col" className="num">Completed</th>
                  <th scope="col" className="num">Correct</th>
                  <th scope="col" className="num">Incorrect</th>
                  <th scope="col" className="num">Best score</th>
                  <th scope="col" className="num">Last score</th>
                </tr>
              </thead>
              <tbody>
                {data.students.map((s) => (
                  <tr key={s.player.id}>
                    <td>
                      <PlayerName player={s.player} />
                      {s.fromOtherClass && (
                        // As Live's "Playing here, not in 1B": the other room's tracking code, typed by mistake?
                        <span
                          className="badge badge-warning badge-other-class"
                          title={`Logged in with this activity's tracking code, but not a student of ${className}: not counted in the class figures`}
                        >
                          not in {className} — {outsiderClasses(s.fromOtherClass)}
                        </span>
                      )}
                    </td>
                    <td className="num">{s.sessions}</td>
                    <td className="num">{minutes(s.secondsPlayed)}</td>
                    <td className="num">{pct(s.progress)}</td>
                    <td className="num">{s.completed}</td>
                    <td className="num">{s.correct}</td>
                    <td className="num">{s.incorrect}</td>
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
                <h2>Answers to {questionNames.get(q.objectId) ?? shownObjectName(q)}</h2>
                {/* A row of room per answer: in a fixed height Recharts named only every other one. */}
                <ResponsiveContainer width="100%" height={answersChartHeight(q.answers.length)}>
                  <BarChart data={q.answers} layout="vertical">
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis type="category" dataKey="response" width={100} interval={0} tick={<AxisTick />} />
                    <Tooltip />
                    <Bar dataKey="count" name="chosen" fill="#7a5bb5" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
                <p className="muted small">
                  {q.answers.map((a) => `${a.response}: ${a.count}${a.correct === true ? ' ✓' : a.correct === false ? ' ✗' : ''}`).join(' · ')}
                </p>
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

const answersChartHeight = (answers: number): number => Math.max(120, 40 + answers * 28);


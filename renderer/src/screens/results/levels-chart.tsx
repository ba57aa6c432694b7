import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ClassAggregates } from '../../../../server/admin/api-types.js';
import { distinctNames, inShownOrder, shownObjectName } from '../../format/object-names';
import { formatScore } from '../../format/progress';
import { formatCount } from '../../format/time';
import { t } from '../../i18n/setup';
import { AxisTick } from './axis-tick';
import { score } from './figures';

type ObjectFigures = ClassAggregates['objects'][number];

const COMPLETED_COLOUR = '#2f6db5';
const SCORE_COLOUR = '#1c7c45';

/** Scaled scores (0-1, what the trackers send) on a 0-1 axis; raw scores on one that fits them. */
function scoreDomain(objects: readonly ObjectFigures[]): [number, number | 'auto'] {
  const highest = Math.max(0, ...objects.map((o) => o.averageScore ?? 0));
  return [0, highest <= 1 ? 1 : 'auto'];
}

/**
 * The game's own object (trackers name it "game", or after the game) shows beside the levels: say which it is. Objects
 * of the same name (two games' `level1`) are told apart (distinctNames).
 */
const chartName = (object: ObjectFigures, names: Map<string, string>): string => {
  const name = names.get(object.objectId) ?? shownObjectName(object);
  return object.wholeGame ? t('results:levels.wholeGame', { name }) : name;
};

/** "level1: 8 completed · average score 0.72": the chart's figures as text, for reading without hovering each bar. */
export const levelFigures = (object: ObjectFigures, names: Map<string, string> = new Map()): string => {
  const figures = { name: chartName(object, names), count: object.completed };
  return object.averageScore === null
    ? t('results:levels.figures', figures)
    : t('results:levels.figuresWithScore', { ...figures, score: score(object.averageScore) });
};

/**
 * Per level (and quiz, and the whole game) the players who completed it and the average score. The card takes the
 * whole row of the chart grid: a game has a dozen levels, and in a third of the row their names were cut to "le…".
 */
export function LevelsChart({ objects: asSent }: { objects: readonly ObjectFigures[] }) {
  const { t } = useTranslation('results');
  const names = distinctNames(asSent.map((o) => ({ objectId: o.objectId, name: shownObjectName(o) })));
  // By the names on the chart, "Question 2" before "Question 10", whatever their ids.
  const objects = inShownOrder(asSent, (o) => chartName(o, names));
  return (
    <div className="card chart-wide">
      <h2>{t('levels.title')}</h2>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={objects.map((o) => ({ name: chartName(o, names), completed: o.completed, averageScore: o.averageScore }))}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" interval={0} tick={<AxisTick />} />
          {/* Two scales: a count of students on the left, scores on the right (0-1 when scaled), so a score
              of 0.9 is not drawn as if it were about one student. */}
          {/* The axes and the tooltip write figures as the rest of the screen does ("0,25" in Spanish). */}
          <YAxis yAxisId="students" allowDecimals={false} stroke={COMPLETED_COLOUR} tickFormatter={formatCount} />
          <YAxis yAxisId="score" orientation="right" domain={scoreDomain(objects)} stroke={SCORE_COLOUR} tickFormatter={formatScore} />
          <Tooltip formatter={(value) => (typeof value === 'number' ? formatScore(value) : value)} />
          <Legend />
          <Bar yAxisId="students" dataKey="completed" name={t('levels.playersCompleted')} fill={COMPLETED_COLOUR} isAnimationActive={false} />
          <Bar yAxisId="score" dataKey="averageScore" name={t('levels.averageScore')} fill={SCORE_COLOUR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <p className="muted small levels-figures">{objects.map((o) => levelFigures(o, names)).join(' · ')}</p>
    </div>
  );
}

import { Text } from 'recharts';
import { truncate } from '../../format/truncate';

/** About the width of one character of the charts' 12 px labels. */
const CHAR_WIDTH = 7;
const FONT_SIZE = 12;

interface TickProps {
  x?: number;
  y?: number;
  width?: number;
  visibleTicksCount?: number;
  orientation?: 'top' | 'bottom' | 'left' | 'right';
  payload?: { value?: unknown };
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  verticalAnchor?: 'start' | 'middle' | 'end';
  fill?: string;
  className?: string;
}

/**
 * A category label that always shows (the axes use `interval={0}`): cut with an ellipsis to the room it has (its
 * share of a horizontal axis, or a vertical axis's width), the full text on hover (and in the bar's tooltip). Recharts drops labels that do not
 * fit instead, which left the game's own bar and every other answer without a name.
 */
export function AxisTick({ x = 0, y = 0, width = 0, visibleTicksCount = 1, orientation, payload, textAnchor, verticalAnchor, fill, className }: TickProps) {
  const full = String(payload?.value ?? '');
  const room = orientation === 'left' || orientation === 'right' ? width - 12 : width / Math.max(1, visibleTicksCount) - 4;
  const shown = truncate(full, Math.max(3, Math.floor(room / CHAR_WIDTH)));
  return (
    <g className="axis-tick" data-label={full}>
      {shown !== full && <title>{full}</title>}
      <Text x={x} y={y} textAnchor={textAnchor} verticalAnchor={verticalAnchor} fill={fill} fontSize={FONT_SIZE} className={className}>
        {shown}
      </Text>
    </g>
  );
}

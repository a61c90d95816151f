import type { ItemAnalysisView } from '@cascade/contracts';
import { useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 16, right: 12, bottom: 36, left: 36 };

/** How many finalised attempts fall in each tenth of the percent range: plain SVG, no chart library. */
export const ScoreDistributionChart = ({
  distribution,
  passPercent,
}: {
  distribution: ItemAnalysisView['distribution'];
  passPercent?: number;
}) => {
  const theme = useTheme();
  const translate = useTranslate();
  const max = Math.max(1, ...distribution.map((bucket) => bucket.count));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, distribution.length);
  const y = (count: number) => PAD.top + plotHeight - (count / max) * plotHeight;
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label={translate('cascade.analysis.distribution')}
      data-testid="distribution-chart"
      style={{ maxWidth: WIDTH, fontFamily: theme.typography.fontFamily }}
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke={theme.palette.divider} />
          <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill={theme.palette.text.secondary}>
            {tick}
          </text>
        </g>
      ))}
      {distribution.map((bucket, index) => {
        const x = PAD.left + index * slot;
        const passing = passPercent !== undefined && bucket.from >= passPercent;
        return (
          <g key={bucket.from}>
            <rect
              x={x + slot * 0.12}
              y={y(bucket.count)}
              width={slot * 0.76}
              height={PAD.top + plotHeight - y(bucket.count)}
              fill={passing ? theme.palette.success.main : theme.palette.primary.main}
              rx={2}
            >
              <title>{`${bucket.from}–${bucket.to}%: ${bucket.count}`}</title>
            </rect>
            {bucket.count > 0 && (
              <text
                x={x + slot / 2}
                y={y(bucket.count) - 4}
                textAnchor="middle"
                fontSize={11}
                fill={theme.palette.text.primary}
              >
                {bucket.count}
              </text>
            )}
            <text
              x={x + slot / 2}
              y={HEIGHT - PAD.bottom + 16}
              textAnchor="middle"
              fontSize={10}
              fill={theme.palette.text.secondary}
            >
              {`${bucket.from}–${bucket.to}`}
            </text>
          </g>
        );
      })}
      <text
        x={PAD.left + plotWidth / 2}
        y={HEIGHT - 4}
        textAnchor="middle"
        fontSize={11}
        fill={theme.palette.text.secondary}
      >
        {translate('cascade.analysis.percent_axis')}
      </text>
    </svg>
  );
};

import type { TrainerFeedbackView } from '@cascade/contracts';
import { useTheme } from '@mui/material';

const ROW = 22;
const LABEL = 120;
const COUNT = 44;

/**
 * Answers per value (likert 1–5, NPS 0–10, each option) as horizontal bars: plain SVG, no chart
 * library. Long option labels are cut with the whole text in the tooltip.
 */
export const DistributionBars = ({
  distribution,
  label,
  width = 420,
  colorOf,
}: {
  distribution: { value: string; count: number }[];
  label: string;
  width?: number;
  colorOf?: (value: string) => string | undefined;
}) => {
  const theme = useTheme();
  const total = distribution.reduce((sum, d) => sum + d.count, 0);
  const max = Math.max(1, ...distribution.map((d) => d.count));
  const labelWidth = Math.min(LABEL, Math.max(28, ...distribution.map((d) => d.value.length * 13)));
  const plot = width - labelWidth - COUNT;
  const height = distribution.length * ROW + 4;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={label}
      data-testid="feedback-distribution"
      style={{ maxWidth: width, fontFamily: theme.typography.fontFamily, display: 'block' }}
    >
      {distribution.map((d, index) => {
        const y = index * ROW + 2;
        const text = d.value.length > 8 ? `${d.value.slice(0, 7)}…` : d.value;
        const share = total ? Math.round((d.count / total) * 100) : 0;
        return (
          <g key={d.value}>
            <title>{`${d.value}: ${d.count} (${share}%)`}</title>
            <text x={labelWidth - 6} y={y + 14} textAnchor="end" fontSize={12} fill={theme.palette.text.secondary}>
              {text}
            </text>
            <rect x={labelWidth} y={y + 3} width={plot} height={ROW - 8} fill={theme.palette.grey[100]} rx={2} />
            <rect
              x={labelWidth}
              y={y + 3}
              width={(d.count / max) * plot}
              height={ROW - 8}
              fill={colorOf?.(d.value) ?? theme.palette.primary.main}
              rx={2}
            />
            <text x={width - COUNT + 6} y={y + 14} fontSize={12} fill={theme.palette.text.primary}>
              {d.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

/** NPS bars coloured as detractors (0–6), passives (7–8) and promoters (9–10). */
export function useNpsColors() {
  const theme = useTheme();
  return (value: string) => {
    const n = Number(value);
    if (n >= 9) return theme.palette.success.main;
    if (n >= 7) return theme.palette.grey[500];
    return theme.palette.error.main;
  };
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 16, right: 16, bottom: 40, left: 32 };

/** A trainer's mean rating (1–5) month by month, with the number of ratings under each point. */
export const MeanOverTimeChart = ({
  overTime,
  label,
  locale,
}: {
  overTime: TrainerFeedbackView['overTime'];
  label: string;
  locale: string;
}) => {
  const theme = useTheme();
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const step = overTime.length > 1 ? plotWidth / (overTime.length - 1) : 0;
  const x = (index: number) => PAD.left + (overTime.length > 1 ? index * step : plotWidth / 2);
  const y = (mean: number) => PAD.top + plotHeight - ((mean - 1) / 4) * plotHeight;
  const monthLabel = (month: string) =>
    new Intl.DateTimeFormat(locale, { year: '2-digit', month: 'short', timeZone: 'UTC' }).format(
      new Date(`${month.slice(0, 7)}-01T00:00:00Z`),
    );
  const points = overTime.flatMap((m, index) => (m.mean === null ? [] : [{ index, mean: m.mean }]));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.index)},${y(p.mean)}`).join(' ');
  // With many months, label every other one so they do not run into each other.
  const labelEvery = overTime.length > 8 ? 2 : 1;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label={label}
      data-testid="trainer-over-time"
      style={{ maxWidth: WIDTH, fontFamily: theme.typography.fontFamily, display: 'block' }}
    >
      {[1, 2, 3, 4, 5].map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke={theme.palette.divider} />
          <text x={PAD.left - 8} y={y(tick) + 4} textAnchor="end" fontSize={11} fill={theme.palette.text.secondary}>
            {tick}
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke={theme.palette.primary.main} strokeWidth={2} />
      {overTime.map((m, index) => (
        <g key={m.month}>
          {m.mean !== null && (
            <circle cx={x(index)} cy={y(m.mean)} r={4} fill={theme.palette.primary.main}>
              <title>{`${monthLabel(m.month)}: ${m.mean.toFixed(2)} (${m.responses})`}</title>
            </circle>
          )}
          {index % labelEvery === 0 && (
            <text
              x={x(index)}
              y={HEIGHT - PAD.bottom + 16}
              textAnchor="middle"
              fontSize={10}
              fill={theme.palette.text.secondary}
            >
              {monthLabel(m.month)}
            </text>
          )}
          <text
            x={x(index)}
            y={HEIGHT - PAD.bottom + 30}
            textAnchor="middle"
            fontSize={10}
            fill={theme.palette.text.disabled}
          >
            {`n=${m.responses}`}
          </text>
        </g>
      ))}
    </svg>
  );
};

/** A mean on the 1–5 scale as a short bar, for tables. */
export const MeanBar = ({ mean, label }: { mean: number | null; label: string }) => {
  const theme = useTheme();
  const width = 120;
  return (
    <svg width={width} height={14} role="img" aria-label={label} style={{ verticalAlign: 'middle' }}>
      <rect x={0} y={0} width={width} height={14} fill={theme.palette.grey[100]} rx={2} />
      {mean !== null && (
        <rect x={0} y={3} width={((mean - 1) / 4) * width} height={8} fill={theme.palette.primary.main} rx={1} />
      )}
    </svg>
  );
};

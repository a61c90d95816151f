import type { CoverageByMonth, CoverageByProcess } from '@cascade/contracts';
import { Box, Stack, Typography, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';

const percent = (share: number) => `${Math.round(share * 100)}%`;

const Bar = ({ share, color, label }: { share: number; color: string; label: string }) => {
  const theme = useTheme();
  const width = 200;
  return (
    <svg width="100%" height={14} viewBox={`0 0 ${width} 14`} preserveAspectRatio="none" role="img" aria-label={label}>
      <rect x={0} y={0} width={width} height={14} fill={theme.palette.grey[100]} rx={2} />
      <rect x={0} y={0} width={Math.max(0, Math.min(share, 1)) * width} height={14} fill={color} rx={2} />
    </svg>
  );
};

/** Per business process: qualified internal trainers, share of target users trained, and of those, trained internally. */
export const ProcessCoverage = ({ processes }: { processes: CoverageByProcess[] }) => {
  const translate = useTranslate();
  const theme = useTheme();
  if (processes.length === 0)
    return <Typography color="text.secondary">{translate('cascade.coverage.no_processes')}</Typography>;
  return (
    <Stack spacing={2} data-testid="coverage-processes">
      {processes.map((process) => (
        <Box key={process.businessProcess}>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'baseline', mb: 0.5 }}>
            <Typography variant="subtitle2" component="h3" sx={{ fontWeight: 600 }}>
              {process.businessProcess}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
              {translate('cascade.coverage.qualified_trainers', { smart_count: process.qualifiedTrainers.length })}
              {process.qualifiedTrainers.length > 0 && `：${process.qualifiedTrainers.map((t) => t.name).join('、')}`}
            </Typography>
          </Stack>
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: 'minmax(96px, max-content) 1fr minmax(120px, max-content)',
              gap: 1,
              alignItems: 'center',
            }}
          >
            <Typography variant="body2">{translate('cascade.coverage.trained')}</Typography>
            <Bar
              share={process.trainedShare}
              color={theme.palette.primary.main}
              label={translate('cascade.coverage.trained')}
            />
            <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
              {percent(process.trainedShare)} ({process.targetUsersTrained} / {process.targetUsers})
            </Typography>
            <Typography variant="body2">{translate('cascade.coverage.internal_share')}</Typography>
            <Bar
              share={process.internalShare}
              color={theme.palette.success.main}
              label={translate('cascade.coverage.internal_share')}
            />
            <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
              {percent(process.internalShare)} ({process.trainedByInternal} / {process.targetUsersTrained})
            </Typography>
          </Box>
        </Box>
      ))}
    </Stack>
  );
};

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 36 };

/** Per month, the share of sessions led by internal trainers: the hand-over curve, with the sessions as faint bars. */
export const HandOverCurve = ({ months }: { months: CoverageByMonth[] }) => {
  const translate = useTranslate();
  const theme = useTheme();
  if (months.length === 0)
    return <Typography color="text.secondary">{translate('cascade.coverage.no_sessions')}</Typography>;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const step = plotWidth / months.length;
  const x = (index: number) => PAD.left + step * (index + 0.5);
  const y = (share: number) => PAD.top + (1 - share) * plotHeight;
  const most = Math.max(...months.map((m) => m.sessions), 1);
  const points = months.map((m, index) => `${x(index)},${y(m.internalShare)}`).join(' ');
  const label = translate('cascade.coverage.hand_over');
  return (
    <Box sx={{ width: '100%', maxWidth: WIDTH }}>
      <svg width="100%" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid="hand-over-curve">
        {[0, 0.5, 1].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke={theme.palette.grey[300]} />
            <text x={PAD.left - 6} y={y(tick) + 4} fontSize={11} textAnchor="end" fill={theme.palette.text.secondary}>
              {percent(tick)}
            </text>
          </g>
        ))}
        {months.map((m, index) => {
          const barHeight = (m.sessions / most) * plotHeight * 0.6;
          return (
            <g key={m.month}>
              <rect
                x={x(index) - Math.min(step * 0.3, 18)}
                width={Math.min(step * 0.6, 36)}
                y={PAD.top + plotHeight - barHeight}
                height={barHeight}
                fill={theme.palette.grey[200]}
              >
                <title>
                  {translate('cascade.coverage.month_tooltip', {
                    month: m.month,
                    led: m.ledByInternal,
                    smart_count: m.sessions,
                  })}
                </title>
              </rect>
              <text
                x={x(index)}
                y={HEIGHT - PAD.bottom + 16}
                fontSize={11}
                textAnchor="middle"
                fill={theme.palette.text.secondary}
              >
                {m.month}
              </text>
            </g>
          );
        })}
        <polyline points={points} fill="none" stroke={theme.palette.success.main} strokeWidth={2.5} />
        {months.map((m, index) => (
          <g key={m.month}>
            <circle cx={x(index)} cy={y(m.internalShare)} r={4} fill={theme.palette.success.main} />
            <text
              x={x(index)}
              y={y(m.internalShare) - 8}
              fontSize={11}
              textAnchor="middle"
              fill={theme.palette.text.primary}
            >
              {percent(m.internalShare)}
            </text>
          </g>
        ))}
      </svg>
      <Typography variant="caption" color="text.secondary">
        {translate('cascade.coverage.hand_over_help')}
      </Typography>
    </Box>
  );
};

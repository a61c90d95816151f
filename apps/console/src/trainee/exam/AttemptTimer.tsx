import TimerIcon from '@mui/icons-material/Timer';
import { Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatRemaining } from './useCountdown';

const WARN_MS = 5 * 60_000;

/** The time left by the server's clock; red in the last five minutes. */
export const AttemptTimer = ({ remainingMs }: { remainingMs: number | null }) => {
  const translate = useTranslate();
  if (remainingMs === null) return null;
  const urgent = remainingMs <= WARN_MS;
  return (
    <Stack
      direction="row"
      spacing={0.5}
      data-testid="attempt-timer"
      aria-label={translate('cascade.attempt.time_left', { time: formatRemaining(remainingMs) })}
      sx={{
        alignItems: 'center',
        px: 1,
        py: 0.25,
        borderRadius: 1,
        bgcolor: urgent ? 'error.main' : 'rgba(255,255,255,0.15)',
        fontVariantNumeric: 'tabular-nums',
      }}
    >
      <TimerIcon fontSize="small" />
      <Typography variant="subtitle1" component="span" sx={{ fontWeight: 700 }}>
        {formatRemaining(remainingMs)}
      </Typography>
    </Stack>
  );
};

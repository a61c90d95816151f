import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormHelperText,
  Stack,
  TextField,
  Typography,
  type SxProps,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import type { FeedbackPrompt } from './feedbackAnswers';

const LIKERT = [1, 2, 3, 4, 5];
const NPS = Array.from({ length: 11 }, (_, n) => n);
/** Big enough for a thumb: the guidelines' 44–48 px. */
const TAP: SxProps = { minWidth: 0, minHeight: 48, px: 0, fontSize: '1.1rem', fontWeight: 700 };

interface ChoiceProps {
  value: number | string | undefined;
  onChange: (value: number | string) => void;
  disabled?: boolean;
}

const Scale = ({
  values,
  columns,
  value,
  onChange,
  disabled,
  low,
  high,
  label,
}: ChoiceProps & { values: number[]; columns: number; low: string; high: string; label: string }) => (
  <Box>
    <Box
      role="radiogroup"
      aria-label={label}
      sx={{ display: 'grid', gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: 0.75 }}
    >
      {values.map((n) => (
        <Button
          key={n}
          role="radio"
          aria-checked={value === n}
          variant={value === n ? 'contained' : 'outlined'}
          disabled={disabled}
          onClick={() => onChange(n)}
          sx={TAP}
        >
          {n}
        </Button>
      ))}
    </Box>
    <Stack direction="row" sx={{ justifyContent: 'space-between', mt: 0.5, color: 'text.secondary' }}>
      <Typography variant="caption">{low}</Typography>
      <Typography variant="caption" sx={{ textAlign: 'right' }}>
        {high}
      </Typography>
    </Stack>
  </Box>
);

/** One question of a feedback form on the trainee's phone; also the form builder's preview. */
export const FeedbackPromptCard = ({
  prompt,
  value,
  onChange,
  error,
  disabled,
}: ChoiceProps & { prompt: FeedbackPrompt; error?: string }) => {
  const translate = useTranslate();
  const { item, trainer } = prompt;
  const label = trainer ? `${item.text} — ${trainer.name}` : item.text;
  return (
    <Card
      variant="outlined"
      component="section"
      aria-label={label}
      data-testid="feedback-prompt"
      data-key={prompt.key}
      sx={{ borderColor: error ? 'error.main' : undefined }}
    >
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1, alignItems: 'center' }}>
          {trainer && <Chip size="small" color="primary" label={trainer.name} />}
          <Chip size="small" variant="outlined" label={translate(`cascade.feedback.about.${item.about}`)} />
          {!item.required && (
            <Typography variant="caption" color="text.secondary">
              {translate('cascade.feedback.optional')}
            </Typography>
          )}
        </Stack>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1.5, overflowWrap: 'anywhere' }}>
          {item.text}
          {item.required && (
            <Box component="span" sx={{ color: 'error.main' }} aria-hidden>
              {' *'}
            </Box>
          )}
        </Typography>
        {item.type === 'likert_5' && (
          <Scale
            values={LIKERT}
            columns={5}
            value={value}
            onChange={onChange}
            disabled={disabled}
            label={label}
            low={translate('cascade.feedback.likert_low')}
            high={translate('cascade.feedback.likert_high')}
          />
        )}
        {item.type === 'nps_0_10' && (
          <Scale
            values={NPS}
            columns={6}
            value={value}
            onChange={onChange}
            disabled={disabled}
            label={label}
            low={translate('cascade.feedback.nps_low')}
            high={translate('cascade.feedback.nps_high')}
          />
        )}
        {item.type === 'single_choice' && (
          <Stack role="radiogroup" aria-label={label} spacing={0.75}>
            {(item.options ?? []).map((option) => (
              <Button
                key={option}
                role="radio"
                aria-checked={value === option}
                variant={value === option ? 'contained' : 'outlined'}
                disabled={disabled}
                onClick={() => onChange(option)}
                sx={{ minHeight: 48, justifyContent: 'flex-start', textAlign: 'left', textTransform: 'none' }}
              >
                {option}
              </Button>
            ))}
          </Stack>
        )}
        {item.type === 'free_text' && (
          <TextField
            multiline
            minRows={3}
            fullWidth
            value={typeof value === 'string' ? value : ''}
            onChange={(event) => onChange(event.target.value)}
            disabled={disabled}
            slotProps={{ htmlInput: { maxLength: 4000, 'aria-label': label } }}
            placeholder={translate('cascade.feedback.free_text_placeholder')}
          />
        )}
        {error && <FormHelperText error>{error}</FormHelperText>}
      </CardContent>
    </Card>
  );
};

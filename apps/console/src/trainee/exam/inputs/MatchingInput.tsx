import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ResponseInputProps } from '../responses';

/** One picker per left item: on a phone a list of selects beats drawing lines. */
export const MatchingInput = ({ question, value, onChange, disabled }: ResponseInputProps<'matching'>) => {
  const translate = useTranslate();
  const chosen = new Map((value ?? []).map((pair) => [pair.left, pair.right]));
  const pick = (left: string, right: string) => {
    const next = new Map(chosen);
    if (right) next.set(left, right);
    else next.delete(left);
    onChange(
      question.content.left.flatMap((item) => {
        const match = next.get(item.id);
        return match ? [{ left: item.id, right: match }] : [];
      }),
    );
  };
  return (
    <Stack spacing={1.5} aria-label={question.stem}>
      {question.content.left.map((item) => (
        <Stack key={item.id} spacing={0.5}>
          <Typography sx={{ fontWeight: 600 }}>{item.text}</Typography>
          <TextField
            select
            size="small"
            fullWidth
            disabled={disabled}
            value={chosen.get(item.id) ?? ''}
            label={translate('cascade.attempt.matches')}
            onChange={(event) => pick(item.id, event.target.value)}
          >
            <MenuItem value="">
              <em>{translate('cascade.attempt.no_match')}</em>
            </MenuItem>
            {question.content.right.map((right) => (
              <MenuItem key={right.id} value={right.id}>
                {right.text}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      ))}
    </Stack>
  );
};

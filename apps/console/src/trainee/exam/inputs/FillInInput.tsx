import { Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ResponseInputProps } from '../responses';

export const FillInInput = ({ question, value, onChange, disabled }: ResponseInputProps<'fill_in'>) => {
  const translate = useTranslate();
  const blanks = Array.from({ length: question.content.blanks }, (_, index) => value?.[index] ?? '');
  return (
    <Stack spacing={1.5}>
      {blanks.map((text, index) => (
        <TextField
          key={index}
          label={translate('cascade.attempt.blank', { number: index + 1 })}
          value={text}
          disabled={disabled}
          fullWidth
          autoComplete="off"
          onChange={(event) => onChange(blanks.map((old, i) => (i === index ? event.target.value : old)))}
        />
      ))}
    </Stack>
  );
};

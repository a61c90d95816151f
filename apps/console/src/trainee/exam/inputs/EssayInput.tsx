import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { countWords, type ResponseInputProps } from '../responses';

export const EssayInput = ({ question, value, onChange, disabled }: ResponseInputProps<'essay'>) => {
  const translate = useTranslate();
  const words = countWords(value ?? '');
  const max = question.content.maxWords;
  const over = max !== undefined && words > max;
  return (
    <TextField
      multiline
      minRows={6}
      fullWidth
      disabled={disabled}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value)}
      label={translate('cascade.attempt.your_answer')}
      error={over}
      helperText={
        max !== undefined
          ? translate('cascade.attempt.words_of_max', { words, max })
          : translate('cascade.attempt.words', { words })
      }
    />
  );
};

import { Checkbox, FormControlLabel, FormGroup, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ResponseInputProps } from '../responses';
import { ChoiceBox } from './ChoiceBox';

export const MultipleChoiceInput = ({ question, value, onChange, disabled }: ResponseInputProps<'multiple_choice'>) => {
  const translate = useTranslate();
  const chosen = new Set(value ?? []);
  const toggle = (id: string, checked: boolean) => {
    // Kept in the options' order so the same choice always reads the same.
    const next = question.content.options
      .map((option) => option.id)
      .filter((optionId) => (optionId === id ? checked : chosen.has(optionId)));
    onChange(next);
  };
  return (
    <FormGroup aria-label={question.stem}>
      <Typography variant="caption" color="text.secondary" sx={{ mb: 1 }}>
        {translate('cascade.attempt.choose_all')}
      </Typography>
      {question.content.options.map((option) => (
        <ChoiceBox key={option.id} selected={chosen.has(option.id)}>
          <FormControlLabel
            control={
              <Checkbox checked={chosen.has(option.id)} onChange={(event) => toggle(option.id, event.target.checked)} />
            }
            label={option.text}
            disabled={disabled}
          />
        </ChoiceBox>
      ))}
    </FormGroup>
  );
};

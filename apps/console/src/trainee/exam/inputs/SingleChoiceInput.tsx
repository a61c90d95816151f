import { FormControlLabel, Radio, RadioGroup } from '@mui/material';
import type { ResponseInputProps } from '../responses';
import { ChoiceBox } from './ChoiceBox';

export const SingleChoiceInput = ({ question, value, onChange, disabled }: ResponseInputProps<'single_choice'>) => (
  <RadioGroup value={value ?? ''} onChange={(event) => onChange(event.target.value)} aria-label={question.stem}>
    {question.content.options.map((option) => (
      <ChoiceBox key={option.id} selected={value === option.id}>
        <FormControlLabel value={option.id} control={<Radio />} label={option.text} disabled={disabled} />
      </ChoiceBox>
    ))}
  </RadioGroup>
);

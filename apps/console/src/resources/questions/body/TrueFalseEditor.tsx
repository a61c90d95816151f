import { FormControlLabel, Radio, RadioGroup } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { BodyEditorProps } from '../questionBody';

export const TrueFalseEditor = ({ body, onChange }: BodyEditorProps<'true_false'>) => {
  const translate = useTranslate();
  return (
    <RadioGroup
      row
      value={String(body.key.correct)}
      onChange={(event) => onChange({ content: {}, key: { correct: event.target.value === 'true' } })}
      aria-label={translate('cascade.questions.correct_answer')}
    >
      <FormControlLabel value="true" control={<Radio />} label={translate('cascade.attempt.true')} />
      <FormControlLabel value="false" control={<Radio />} label={translate('cascade.attempt.false')} />
    </RadioGroup>
  );
};

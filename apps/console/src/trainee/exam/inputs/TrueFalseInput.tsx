import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ResponseInputProps } from '../responses';

export const TrueFalseInput = ({ question, value, onChange, disabled }: ResponseInputProps<'true_false'>) => {
  const translate = useTranslate();
  return (
    <ToggleButtonGroup
      exclusive
      fullWidth
      color="primary"
      value={value === undefined ? null : String(value)}
      onChange={(_, next: string | null) => next !== null && onChange(next === 'true')}
      aria-label={question.stem}
      disabled={disabled}
    >
      <ToggleButton value="true" sx={{ py: 1.5, gap: 1 }}>
        <CheckIcon /> {translate('cascade.attempt.true')}
      </ToggleButton>
      <ToggleButton value="false" sx={{ py: 1.5, gap: 1 }}>
        <CloseIcon /> {translate('cascade.attempt.false')}
      </ToggleButton>
    </ToggleButtonGroup>
  );
};

import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

interface NewPasswordFieldsProps {
  value: string;
  confirmation: string;
  onChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  /** A message beside each field, already translated. */
  errors: { newPassword?: string; confirmation?: string };
}

/** The new password twice, with the rule it must meet. */
export const NewPasswordFields = ({
  value,
  confirmation,
  onChange,
  onConfirmationChange,
  errors,
}: NewPasswordFieldsProps) => {
  const translate = useTranslate();
  return (
    <>
      <TextField
        name="newPassword"
        type="password"
        label={translate('cascade.passwords.new')}
        autoComplete="new-password"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={Boolean(errors.newPassword)}
        helperText={errors.newPassword ?? translate('cascade.passwords.rule')}
        fullWidth
        required
        margin="dense"
      />
      <TextField
        name="confirmation"
        type="password"
        label={translate('cascade.passwords.confirm')}
        autoComplete="new-password"
        value={confirmation}
        onChange={(event) => onConfirmationChange(event.target.value)}
        error={Boolean(errors.confirmation)}
        helperText={errors.confirmation}
        fullWidth
        required
        margin="dense"
      />
    </>
  );
};

import LockIcon from '@mui/icons-material/Lock';
import PersonIcon from '@mui/icons-material/Person';
import { Alert, AlertTitle } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Whether the answers carry the trainee's name, said before they start. */
export const AnonymityNote = ({ anonymous }: { anonymous: boolean }) => {
  const translate = useTranslate();
  return anonymous ? (
    <Alert severity="success" icon={<LockIcon />} data-testid="anonymity-note" data-anonymous="true">
      <AlertTitle sx={{ fontWeight: 700 }}>{translate('cascade.feedback.anonymous_title')}</AlertTitle>
      {translate('cascade.feedback.anonymous_body')}
    </Alert>
  ) : (
    <Alert severity="info" icon={<PersonIcon />} data-testid="anonymity-note" data-anonymous="false">
      {translate('cascade.feedback.named_body')}
    </Alert>
  );
};

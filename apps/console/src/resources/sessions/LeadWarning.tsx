import type { TrainingSessionView } from '@cascade/contracts';
import EditIcon from '@mui/icons-material/Edit';
import { Alert, AlertTitle, Button, Chip } from '@mui/material';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { UserName } from '../UserName';

/**
 * The session's lead may no longer lead it (their qualification was revoked or ends before it
 * starts): says so, and offers those who may change the trainers the way to name a new lead.
 */
export const LeadWarning = ({
  session,
  offerReplace = true,
}: {
  session: TrainingSessionView;
  offerReplace?: boolean;
}) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'sessions', action: 'edit', record: session });
  if (!session.needsNewLead || !session.leadQualification) return null;
  const lead = session.trainers.find((trainer) => trainer.role === 'lead');
  return (
    <Alert
      severity="warning"
      sx={{ mt: 1 }}
      data-testid="lead-warning"
      action={
        offerReplace && canAccess && session.status !== 'cancelled' ? (
          <Button
            color="inherit"
            size="small"
            startIcon={<EditIcon />}
            component={RouterLink}
            to={`/sessions/${session.id}`}
          >
            {translate('cascade.lead_check.replace')}
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>
        {translate('cascade.lead_check.title')}
        {lead && (
          <>
            {' · '}
            <UserName id={lead.userId} />
          </>
        )}
      </AlertTitle>
      {translate(`cascade.lead_check.${session.leadQualification}`)}
    </Alert>
  );
};

/** In the list of sessions: this one needs a new lead. */
export const NewLeadField = (_props: { label?: string; source?: string }) => {
  const session = useRecordContext<TrainingSessionView>();
  const translate = useTranslate();
  if (!session?.needsNewLead) return null;
  return <Chip size="small" color="warning" label={translate('cascade.lead_check.chip')} sx={{ ml: 1 }} />;
};

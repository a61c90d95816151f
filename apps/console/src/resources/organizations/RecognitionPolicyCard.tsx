import {
  FOLLOW_UP_RECIPIENTS,
  type FollowUpRecipient,
  type OrganizationView,
  type RecognitionPolicyView,
} from '@cascade/contracts';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  FormGroup,
  FormLabel,
  InputAdornment,
  LinearProgress,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { HttpError, useCanAccess, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { isProblemBody } from '../../providers/httpClient';
import { resultsLoopApi, type RecognitionPolicyInput } from '../../providers/resultsLoopApi';
import { useApiQuery } from '../useApiQuery';

const toInput = (policy: RecognitionPolicyView): RecognitionPolicyInput => ({
  excellentThreshold: policy.excellentThreshold,
  nameExcellent: policy.nameExcellent,
  nameMostImproved: policy.nameMostImproved,
  followUpRecipients: policy.followUpRecipients,
});

const PolicyForm = ({ organizationId, canEdit }: { organizationId: string; canEdit: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { data, error, loading } = useApiQuery(() => resultsLoopApi.recognitionPolicy(organizationId), organizationId);
  const [draft, setDraft] = useState<RecognitionPolicyInput>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft(data ? toInput(data) : undefined), [data]);

  if (loading && !data) return <LinearProgress />;
  if (error)
    return (
      <Alert severity={error instanceof HttpError && error.status === 404 ? 'info' : 'error'}>
        {error instanceof HttpError && error.status === 404
          ? translate('cascade.recognition.unavailable')
          : error.message}
      </Alert>
    );
  if (!draft) return null;

  const threshold = draft.excellentThreshold;
  const thresholdInvalid = !Number.isFinite(threshold) || threshold < 0 || threshold > 100;
  const change = (patch: Partial<RecognitionPolicyInput>) => setDraft({ ...draft, ...patch });
  const toggleRecipient = (recipient: FollowUpRecipient, on: boolean) =>
    change({
      followUpRecipients: on
        ? [...new Set([...draft.followUpRecipients, recipient])]
        : draft.followUpRecipients.filter((r) => r !== recipient),
    });

  const save = async () => {
    setSaving(true);
    setFieldErrors({});
    try {
      setDraft(toInput(await resultsLoopApi.setRecognitionPolicy(organizationId, draft)));
      notify('cascade.recognition.saved', { type: 'success' });
    } catch (failure) {
      if (failure instanceof HttpError && isProblemBody(failure.body))
        setFieldErrors(Object.fromEntries(failure.body.fieldErrors.map((e) => [e.field, e.message])));
      notify(failure instanceof Error ? failure.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box component="form" onSubmit={(event) => (event.preventDefault(), void save())} sx={{ maxWidth: 560 }}>
      <TextField
        type="number"
        label={translate('cascade.recognition.threshold')}
        value={Number.isFinite(threshold) ? threshold : ''}
        onChange={(event) => change({ excellentThreshold: Number(event.target.value) })}
        disabled={!canEdit}
        error={thresholdInvalid || Boolean(fieldErrors.excellentThreshold)}
        helperText={fieldErrors.excellentThreshold ?? translate('cascade.recognition.threshold_help')}
        slotProps={{
          htmlInput: { min: 0, max: 100, step: 1 },
          input: { endAdornment: <InputAdornment position="end">%</InputAdornment> },
        }}
        sx={{ width: 240, mb: 1 }}
      />
      <FormGroup>
        <FormControlLabel
          control={
            <Switch
              checked={draft.nameExcellent}
              disabled={!canEdit}
              onChange={(_, on) => change({ nameExcellent: on })}
            />
          }
          label={translate('cascade.recognition.name_excellent')}
        />
        <FormControlLabel
          control={
            <Switch
              checked={draft.nameMostImproved}
              disabled={!canEdit}
              onChange={(_, on) => change({ nameMostImproved: on })}
            />
          }
          label={translate('cascade.recognition.name_most_improved')}
        />
      </FormGroup>
      <FormLabel component="legend" sx={{ mt: 2, typography: 'body2' }}>
        {translate('cascade.recognition.follow_up')}
      </FormLabel>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
        {translate('cascade.recognition.follow_up_help')}
      </Typography>
      <FormGroup row>
        {FOLLOW_UP_RECIPIENTS.map((recipient) => (
          <FormControlLabel
            key={recipient}
            control={
              <Checkbox
                checked={draft.followUpRecipients.includes(recipient)}
                disabled={!canEdit}
                onChange={(_, on) => toggleRecipient(recipient, on)}
              />
            }
            label={translate(`cascade.recognition.recipients.${recipient}`)}
          />
        ))}
      </FormGroup>
      {fieldErrors.followUpRecipients && <Alert severity="error">{fieldErrors.followUpRecipients}</Alert>}
      {canEdit && (
        <Button type="submit" variant="contained" disabled={saving || thresholdInvalid} sx={{ mt: 2 }}>
          {translate('ra.action.save')}
        </Button>
      )}
    </Box>
  );
};

/** On a client's page: how exam results are fed back to its departments. */
export const RecognitionPolicyCard = () => {
  const organization = useRecordContext<OrganizationView>();
  const translate = useTranslate();
  const { canAccess: canRead } = useCanAccess({ resource: 'organizations', action: 'recognition-policy' });
  const { canAccess: canEdit } = useCanAccess({ resource: 'organizations', action: 'set-recognition-policy' });
  if (!organization || organization.kind !== 'client' || !canRead) return null;
  return (
    <Card sx={{ mt: 2 }} component="section" aria-label={translate('cascade.recognition.title')}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('cascade.recognition.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('cascade.recognition.intro')}
        </Typography>
        <PolicyForm organizationId={String(organization.id)} canEdit={canEdit === true} />
      </CardContent>
    </Card>
  );
};

import type { FeedbackFormView } from '@cascade/contracts';
import { Alert, Box, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useGetList, useNotify, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { feedbackApi, type FormChoiceTarget } from '../../providers/feedbackApi';
import { useApiQuery } from '../useApiQuery';

const NONE = '';

/**
 * The feedback form a plan names by default, or a session's own (empty: the plan's default).
 * Forms of the client and of the vendor are offered; the server refuses any other.
 */
export const FeedbackFormChoice = ({ target, targetId }: { target: FormChoiceTarget; targetId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess: canChoose } = useCanAccess({ resource: target, action: 'choose-form' });
  const choice = useApiQuery(() => feedbackApi.formChoice(target, targetId), targetId);
  const { data: forms } = useGetList<FeedbackFormView>('feedback-forms', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'title', order: 'ASC' },
  });
  const [saving, setSaving] = useState(false);

  const choose = async (formId: string) => {
    setSaving(true);
    try {
      await feedbackApi.chooseForm(target, targetId, formId === NONE ? null : formId);
      await choice.reload();
      notify('cascade.feedback_forms.choice_saved', { type: 'success' });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  const current = choice.data;
  // A session showing its plan's default has no choice of its own: the selector stays empty.
  const own = current && !current.inherited ? (current.formId ?? NONE) : NONE;
  const noneLabel = translate(
    target === 'sessions' ? 'cascade.feedback_forms.use_plan_default' : 'cascade.feedback_forms.no_form',
  );
  return (
    <Box data-testid="feedback-form-choice">
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {translate(target === 'sessions' ? 'cascade.feedback_forms.session_form' : 'cascade.feedback_forms.plan_form')}
      </Typography>
      {choice.error && <Alert severity="error">{choice.error.message}</Alert>}
      {current && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
          {current.form ? (
            <Chip
              component={RouterLink}
              to={`/feedback-forms/${current.form.id}/show`}
              clickable
              color="primary"
              label={current.form.title}
              data-testid="chosen-form"
            />
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate('cascade.feedback_forms.none_chosen')}
            </Typography>
          )}
          {current.inherited && current.form && (
            <Chip size="small" variant="outlined" label={translate('cascade.feedback_forms.inherited')} />
          )}
          {current.form?.anonymous && (
            <Chip size="small" variant="outlined" label={translate('cascade.feedback.anonymous')} />
          )}
        </Stack>
      )}
      {canChoose && current && (
        <TextField
          select
          size="small"
          label={translate('cascade.feedback_forms.choose')}
          value={forms?.some((f) => f.id === own) || own === NONE ? own : NONE}
          disabled={saving}
          onChange={(event) => void choose(event.target.value)}
          sx={{ minWidth: 280, maxWidth: '100%' }}
        >
          <MenuItem value={NONE}>
            <em>{noneLabel}</em>
          </MenuItem>
          {(forms ?? []).map((form) => (
            <MenuItem key={form.id} value={form.id}>
              {form.title}
            </MenuItem>
          ))}
        </TextField>
      )}
    </Box>
  );
};

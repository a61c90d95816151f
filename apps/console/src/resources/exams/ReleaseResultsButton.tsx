import { policyRecord, type ExamView } from '@cascade/contracts';
import CampaignIcon from '@mui/icons-material/Campaign';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { ability } from '../../providers/abilities';
import { resultsLoopApi } from '../../providers/resultsLoopApi';

/**
 * Sends the exam's results back now rather than at its close: each trainee their own, each
 * department's manager a digest. Asked first, since people are notified at once.
 */
export const ReleaseResultsButton = () => {
  const exam = useRecordContext<ExamView>();
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: 'exams', action: 'release' });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  // Also per exam: its trainers release, not someone who sits it.
  if (!exam || !canAccess || !ability.can('release', policyRecord('Exam', exam))) return null;
  const release = async () => {
    setBusy(true);
    try {
      const released = await resultsLoopApi.releaseResults(String(exam.id));
      notify('cascade.release.done', {
        type: 'success',
        messageArgs: { trainees: released.trainees, departments: released.departments },
      });
      setOpen(false);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="cascade.release.button" onClick={() => setOpen(true)}>
        <CampaignIcon />
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)}>
        <DialogTitle>{translate('cascade.release.confirm_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('cascade.release.confirm_body', { title: exam.title })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" onClick={() => void release()} disabled={busy}>
            {translate('cascade.release.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

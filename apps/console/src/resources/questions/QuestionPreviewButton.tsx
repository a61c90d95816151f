import type { QuestionType } from '@cascade/contracts';
import PhoneIphoneIcon from '@mui/icons-material/PhoneIphone';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { FormDataConsumer, useTranslate } from 'react-admin';
import { QuestionCard } from '../../trainee/exam/QuestionCard';
import { PhoneFrame } from './PhoneFrame';
import { previewOf } from './questionBody';

interface PreviewValues {
  type?: QuestionType;
  stem?: string;
  points?: number;
  content?: unknown;
}

/** The question being edited, as a trainee's phone will show it (answers can be tried, nothing is saved). */
export const QuestionPreviewButton = () => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [response, setResponse] = useState<unknown>(undefined);
  return (
    <>
      <Button startIcon={<PhoneIphoneIcon />} onClick={() => setOpen(true)} sx={{ mb: 2 }}>
        {translate('cascade.questions.preview')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('cascade.questions.preview_title')}</DialogTitle>
        <DialogContent>
          <FormDataConsumer<PreviewValues>>
            {({ formData }) => {
              const question = formData.type ? previewOf({ ...formData, type: formData.type }) : null;
              return question ? (
                <PhoneFrame>
                  <QuestionCard question={question} position={1} value={response} onChange={setResponse} />
                </PhoneFrame>
              ) : (
                <Alert severity="info">{translate('cascade.questions.preview_empty')}</Alert>
              );
            }}
          </FormDataConsumer>
        </DialogContent>
        <DialogActions>
          <Button
            onClick={() => {
              setOpen(false);
              setResponse(undefined);
            }}
          >
            {translate('ra.action.close')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

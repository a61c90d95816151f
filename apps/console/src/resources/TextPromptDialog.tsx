import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

interface TextPromptDialogProps {
  open: boolean;
  title: string;
  /** Explanation above the text field. */
  content?: ReactNode;
  /** Label of the text field (comment, reason, resolution); without one the dialog only confirms. */
  label?: string;
  required?: boolean;
  confirmLabel: string;
  confirmColor?: 'primary' | 'error' | 'warning' | 'success';
  onClose: () => void;
  /** A rejected promise keeps the dialog open and shows the error's message. */
  onConfirm: (text: string) => Promise<void>;
}

/** Asks for a comment or reason before a workflow action, and shows the server's refusal in place. */
export const TextPromptDialog = ({
  open,
  title,
  content,
  label,
  required = false,
  confirmLabel,
  confirmColor = 'primary',
  onClose,
  onConfirm,
}: TextPromptDialogProps) => {
  const translate = useTranslate();
  const titleId = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      setText('');
      setFailure(null);
    }
  }, [open]);

  const blocked = Boolean(label) && required && text.trim() === '';
  const confirm = async () => {
    if (blocked) return;
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm(text.trim());
    } catch (error) {
      setFailure(error instanceof Error ? error.message : translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {content && <DialogContentText sx={{ mb: 1 }}>{content}</DialogContentText>}
        {failure && (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {failure}
          </Alert>
        )}
        {label && (
          <TextField
            label={label}
            value={text}
            onChange={(event) => setText(event.target.value)}
            required={required}
            multiline
            minRows={3}
            fullWidth
            autoFocus
            sx={{ mt: 1 }}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button
          onClick={confirm}
          variant="contained"
          color={confirmColor}
          disabled={busy || blocked}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

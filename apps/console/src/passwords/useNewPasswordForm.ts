import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { localProblems, toFormProblems, type FormProblems } from './passwordForm';

/**
 * A new password and its confirmation: checked here first (length, match), then sent; the
 * server's refusals land under their fields. `send` gets the new password and may throw.
 */
export function useNewPasswordForm(send: (password: string) => Promise<void>) {
  const translate = useTranslate();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problems, setProblems] = useState<FormProblems>({ fields: {}, form: null });
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = localProblems(password, confirmation);
    if (Object.keys(local).length > 0) {
      const fields = Object.fromEntries(
        Object.entries(local).map(([field, key]) => [field, translate(`cascade.passwords.${key}`)]),
      );
      setProblems({ fields, form: null });
      return;
    }
    setSubmitting(true);
    setProblems({ fields: {}, form: null });
    try {
      await send(password);
      setPassword('');
      setConfirmation('');
    } catch (error) {
      setProblems(toFormProblems(error, translate('ra.notification.http_error')));
    } finally {
      setSubmitting(false);
    }
  };

  return { password, setPassword, confirmation, setConfirmation, problems, submitting, submit };
}

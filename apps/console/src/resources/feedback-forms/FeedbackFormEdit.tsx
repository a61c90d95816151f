import type { FeedbackFormView } from '@cascade/contracts';
import { Alert } from '@mui/material';
import {
  Edit,
  Labeled,
  ReferenceField,
  ShowButton,
  SimpleForm,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { FeedbackFormInputs } from './FeedbackFormInputs';
import { itemsBody, type DraftItem } from './feedbackFormBody';
import { useFormInUseNotice } from './useFormInUseNotice';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

const Inputs = () => {
  const form = useRecordContext<FeedbackFormView>();
  const translate = useTranslate();
  const locked = (form?.responseCount ?? 0) > 0;
  return (
    <>
      {locked && (
        <Alert severity="info" sx={{ mb: 2, width: '100%' }} data-testid="form-locked">
          {translate('cascade.feedback_forms.locked', { smart_count: form?.responseCount ?? 0 })}
        </Alert>
      )}
      <Labeled source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" />
      </Labeled>
      <FeedbackFormInputs locked={locked} />
    </>
  );
};

// Pessimistic so the server's answer (field errors, FORM_IN_USE) comes back before leaving the form.
export const FeedbackFormEdit = () => {
  const onError = useFormInUseNotice();
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="show"
      actions={<Actions />}
      mutationOptions={{ onError: (error) => onError(error, 'cascade.feedback_forms.in_use_edit') }}
      transform={(data: Record<string, unknown>) => ({ ...data, items: itemsBody(data.items as DraftItem[]) })}
    >
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <Inputs />
      </SimpleForm>
    </Edit>
  );
};

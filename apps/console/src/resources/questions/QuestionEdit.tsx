import type { QuestionView } from '@cascade/contracts';
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
import { QuestionInputs } from './QuestionInputs';
import { QuestionPreviewButton } from './QuestionPreviewButton';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

const VersionNote = () => {
  const record = useRecordContext<QuestionView>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
      {translate('cascade.questions.version_note', { version: record.version })}
    </Alert>
  );
};

// Pessimistic so the server's shape errors (400 naming the field) come back to the form.
export const QuestionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" actions={<Actions />}>
    <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 960 }}>
      <VersionNote />
      <Labeled source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" />
      </Labeled>
      <QuestionInputs />
      <QuestionPreviewButton />
    </SimpleForm>
  </Edit>
);

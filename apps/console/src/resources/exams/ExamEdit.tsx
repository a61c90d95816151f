import type { ExamView } from '@cascade/contracts';
import { Edit, Labeled, ReferenceField, ShowButton, SimpleForm, TopToolbar, useRecordContext } from 'react-admin';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { examBody, examFormValues, type ExamFormValues } from './examBody';
import { ExamInputs } from './ExamInputs';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

const ExamEditForm = () => {
  const record = useRecordContext<ExamView>();
  if (!record) return null;
  return (
    <SimpleForm record={examFormValues(record)} toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 1100 }}>
      <Labeled source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" />
      </Labeled>
      <ExamInputs />
    </SimpleForm>
  );
};

// Pessimistic so a short blueprint cell (422 naming `blueprint.N`) comes back to its row.
export const ExamEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="show"
    actions={<Actions />}
    transform={(data: ExamFormValues) => examBody(data, true)}
  >
    <ExamEditForm />
  </Edit>
);

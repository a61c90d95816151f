import { AutocompleteInput, Create, ReferenceInput, SimpleForm, required } from 'react-admin';
import { BY_NAME } from '../choices';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { examBody, type ExamFormValues } from './examBody';
import { ExamInputs } from './ExamInputs';

const HOUR = 3_600_000;

const defaults = (): ExamFormValues => {
  const opens = new Date(Math.ceil(Date.now() / HOUR) * HOUR);
  return {
    kind: 'post_test',
    mode: 'blueprint',
    blueprint: [],
    questionIds: [],
    timeLimitMinutes: 30,
    opensAt: opens.toISOString(),
    closesAt: new Date(opens.getTime() + 7 * 24 * HOUR).toISOString(),
    passPercent: 60,
    attemptsAllowed: 1,
    shuffleQuestions: true,
    shuffleOptions: true,
    showResults: 'immediately',
    reviewMode: 'score_only',
    assignees: { planTrainees: false, sessionEnrollees: false, userIds: [] },
    overrides: [],
  };
};

export const ExamCreate = () => (
  <Create redirect="show" transform={(data: ExamFormValues) => examBody(data)}>
    <SimpleForm defaultValues={defaults} toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 1100 }}>
      <ReferenceInput source="organizationId" reference="organizations" filter={{ kind: 'client' }} sort={BY_NAME}>
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <ExamInputs />
    </SimpleForm>
  </Create>
);

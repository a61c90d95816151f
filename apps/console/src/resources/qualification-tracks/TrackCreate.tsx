import { AutocompleteInput, Create, ReferenceInput, SimpleForm, required } from 'react-admin';
import { BY_NAME } from '../choices';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { trackCreateBody, type TrackFormValues } from './trackBody';
import { TrackInputs } from './TrackInputs';

const defaults = (): TrackFormValues => ({
  businessProcesses: [],
  criteria: [{ kind: 'exam', minPercent: 80 }, { kind: 'co_delivery', sessions: 2 }, { kind: 'teach_back' }],
  validityMonths: 12,
  active: true,
});

export const TrackCreate = () => (
  <Create redirect="show" transform={(data: TrackFormValues) => trackCreateBody(data)}>
    <SimpleForm defaultValues={defaults} toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 1000 }}>
      <ReferenceInput source="organizationId" reference="organizations" filter={{ kind: 'client' }} sort={BY_NAME}>
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <TrackInputs />
    </SimpleForm>
  </Create>
);

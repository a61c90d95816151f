import type { QualificationTrackView } from '@cascade/contracts';
import { Edit, Labeled, ReferenceField, ShowButton, SimpleForm, TopToolbar, useRecordContext } from 'react-admin';
import { SaveOnlyToolbar } from '../SaveOnlyToolbar';
import { trackFormValues, trackPatchBody, type TrackFormValues } from './trackBody';
import { TrackInputs } from './TrackInputs';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

const TrackEditForm = () => {
  const record = useRecordContext<QualificationTrackView>();
  if (!record) return null;
  return (
    <SimpleForm record={trackFormValues(record)} toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 1000 }}>
      <Labeled source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" />
      </Labeled>
      <TrackInputs />
    </SimpleForm>
  );
};

// Pessimistic so a criterion naming a missing exam or plan (422 naming `criteria.N`) comes back to its row.
export const TrackEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="show"
    actions={<Actions />}
    transform={(data: TrackFormValues) => trackPatchBody(data)}
  >
    <TrackEditForm />
  </Edit>
);

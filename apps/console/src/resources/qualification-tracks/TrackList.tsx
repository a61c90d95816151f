import type { QualificationTrackView } from '@cascade/contracts';
import { Chip, Stack } from '@mui/material';
import {
  AutocompleteInput,
  BooleanField,
  CreateButton,
  DataTable,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { BY_NAME } from '../choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput
    key="org"
    source="organizationId"
    reference="organizations"
    filter={{ kind: 'client' }}
    sort={BY_NAME}
    alwaysOn
  >
    <AutocompleteInput />
  </ReferenceInput>,
];

const ProcessChips = () => {
  const record = useRecordContext<QualificationTrackView>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {record.businessProcesses.map((process) => (
        <Chip key={process} size="small" label={process} />
      ))}
    </Stack>
  );
};

export const TrackList = () => (
  <List
    filters={filters}
    sort={{ field: 'title', order: 'ASC' }}
    actions={
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
    }
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" />
      <DataTable.Col source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" link={false} />
      </DataTable.Col>
      <DataTable.Col source="businessProcesses" disableSort>
        <ProcessChips />
      </DataTable.Col>
      <DataTable.Col source="validityMonths">
        <NumberField source="validityMonths" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="active">
        <BooleanField source="active" />
      </DataTable.Col>
    </DataTable>
  </List>
);

import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { BY_NAME } from '../choices';
import { LocaleDateField } from '../LocaleDateField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="businessProcess" source="businessProcess" alwaysOn />,
  <ReferenceInput key="organizationId" source="organizationId" reference="organizations" sort={BY_NAME}>
    <AutocompleteInput sx={{ minWidth: 200 }} />
  </ReferenceInput>,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

export const ScenarioList = () => (
  <List
    perPage={25}
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'updatedAt', order: 'DESC' }}
    exporter={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" field={TextField} />
      <DataTable.Col source="businessProcess" field={TextField} />
      <DataTable.Col source="questionCount" disableSort field={NumberField} />
      <DataTable.Col source="organizationId" disableSort>
        <ReferenceField source="organizationId" reference="organizations" />
      </DataTable.Col>
      <DataTable.Col source="updatedAt">
        <LocaleDateField source="updatedAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);

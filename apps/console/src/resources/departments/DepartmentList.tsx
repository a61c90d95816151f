import {
  AutocompleteInput,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  TextField,
} from 'react-admin';
import { LocaleDateField } from '../LocaleDateField';
import { BY_NAME } from '../choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="organizationId" source="organizationId" reference="organizations" sort={BY_NAME} alwaysOn>
    <AutocompleteInput sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <ReferenceInput key="parentId" source="parentId" reference="departments" sort={BY_NAME}>
    <AutocompleteInput sx={{ minWidth: 200 }} />
  </ReferenceInput>,
];

export const DepartmentList = () => (
  <List perPage={25} filters={filters} sort={BY_NAME} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" field={TextField} />
      <DataTable.Col source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" />
      </DataTable.Col>
      <DataTable.Col source="parentId">
        <ReferenceField source="parentId" reference="departments" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="managerId">
        <ReferenceField source="managerId" reference="users" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <LocaleDateField source="createdAt" showTime={false} />
      </DataTable.Col>
    </DataTable>
  </List>
);

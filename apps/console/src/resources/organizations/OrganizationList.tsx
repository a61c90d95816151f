import { DataTable, List, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { BY_NAME, organizationKindChoices } from '../choices';
import { LocaleDateField } from '../LocaleDateField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={organizationKindChoices} alwaysOn />,
];

export const OrganizationList = () => (
  <List perPage={25} filters={filters} sort={BY_NAME} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" field={TextField} />
      <DataTable.Col source="kind">
        <SelectField source="kind" choices={organizationKindChoices} />
      </DataTable.Col>
      <DataTable.Col source="industry" field={TextField} />
      <DataTable.Col source="createdAt">
        <LocaleDateField source="createdAt" showTime={false} />
      </DataTable.Col>
    </DataTable>
  </List>
);

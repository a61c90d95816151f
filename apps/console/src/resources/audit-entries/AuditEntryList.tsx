import {
  AutocompleteInput,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import { BY_NAME, auditActionChoices } from '../choices';
import { ActorField } from './ActorField';
import { AuditActionField } from './AuditActionField';
import { LocaleDateField } from '../LocaleDateField';

const filters = [
  <TextInput key="entity" source="entity" alwaysOn />,
  <SelectInput key="action" source="action" choices={auditActionChoices} alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
  <ReferenceInput key="actorId" source="actorId" reference="users" sort={BY_NAME}>
    <AutocompleteInput sx={{ minWidth: 200 }} />
  </ReferenceInput>,
];

export const AuditEntryList = () => (
  <List perPage={25} filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="createdAt">
        <LocaleDateField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col source="action">
        <AuditActionField />
      </DataTable.Col>
      <DataTable.Col source="entity" field={TextField} />
      <DataTable.Col source="entityId" field={TextField} />
      <DataTable.Col source="actorId" disableSort>
        <ActorField />
      </DataTable.Col>
      <DataTable.Col source="organizationId" disableSort>
        <ReferenceField source="organizationId" reference="organizations" emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);

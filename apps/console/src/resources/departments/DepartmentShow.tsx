import { Card, CardContent, Typography } from '@mui/material';
import {
  CanAccess,
  DataTable,
  EditButton,
  Labeled,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useGetResourceLabel,
} from 'react-admin';
import { DetailGrid } from '../DetailGrid';
import { RoleChipsField } from '../users/RoleChipsField';
import { LocaleDateField } from '../LocaleDateField';
import { BY_NAME } from '../choices';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const Members = () => {
  const getResourceLabel = useGetResourceLabel();
  return (
    <CanAccess resource="users" action="list">
      <Card sx={{ mt: 2 }}>
        <CardContent sx={{ pb: 0 }}>
          <Typography variant="h6" component="h2">
            {getResourceLabel('users', 2)}
          </Typography>
        </CardContent>
        <ReferenceManyField
          reference="users"
          target="departmentId"
          sort={BY_NAME}
          perPage={25}
          pagination={<Pagination />}
        >
          <DataTable bulkActionButtons={false} rowClick="show">
            <DataTable.Col source="name" field={TextField} />
            <DataTable.Col source="email" field={TextField} />
            <DataTable.Col source="roles" disableSort>
              <RoleChipsField />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </Card>
    </CanAccess>
  );
};

export const DepartmentShow = () => (
  <Show actions={<Actions />} component="div">
    <Card>
      <DetailGrid>
        <Labeled source="name">
          <TextField source="name" variant="h6" />
        </Labeled>
        <Labeled source="organizationId">
          <ReferenceField source="organizationId" reference="organizations" />
        </Labeled>
        <Labeled source="parentId">
          <ReferenceField source="parentId" reference="departments" emptyText="—" />
        </Labeled>
        <Labeled source="managerId">
          <ReferenceField source="managerId" reference="users" emptyText="—" />
        </Labeled>
        <Labeled source="createdAt">
          <LocaleDateField source="createdAt" />
        </Labeled>
        <Labeled source="updatedAt">
          <LocaleDateField source="updatedAt" />
        </Labeled>
      </DetailGrid>
    </Card>
    <Members />
  </Show>
);

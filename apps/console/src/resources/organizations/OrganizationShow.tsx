import { Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  CanAccess,
  DataTable,
  EditButton,
  Labeled,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  TextField,
  TopToolbar,
  useGetResourceLabel,
} from 'react-admin';
import { BY_NAME, organizationKindChoices } from '../choices';
import { DetailGrid } from '../DetailGrid';
import { RoleChipsField } from '../users/RoleChipsField';
import { LocaleDateField } from '../LocaleDateField';
import { RecognitionPolicyCard } from './RecognitionPolicyCard';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const RelatedList = ({ resource, children }: { resource: string; children: ReactNode }) => {
  const getResourceLabel = useGetResourceLabel();
  return (
    <CanAccess resource={resource} action="list">
      <Card sx={{ mt: 2 }}>
        <CardContent sx={{ pb: 0 }}>
          <Typography variant="h6" component="h2">
            {getResourceLabel(resource, 2)}
          </Typography>
        </CardContent>
        {children}
      </Card>
    </CanAccess>
  );
};

export const OrganizationShow = () => (
  <Show actions={<Actions />} component="div">
    <Card>
      <DetailGrid>
        <Labeled source="name">
          <TextField source="name" variant="h6" />
        </Labeled>
        <Labeled source="kind">
          <SelectField source="kind" choices={organizationKindChoices} />
        </Labeled>
        <Labeled source="industry">
          <TextField source="industry" emptyText="—" />
        </Labeled>
        <Labeled source="createdAt">
          <LocaleDateField source="createdAt" />
        </Labeled>
      </DetailGrid>
    </Card>
    <RecognitionPolicyCard />
    <RelatedList resource="departments">
      <ReferenceManyField
        reference="departments"
        target="organizationId"
        sort={BY_NAME}
        perPage={25}
        pagination={<Pagination />}
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="name" field={TextField} />
          <DataTable.Col source="parentId">
            <ReferenceField source="parentId" reference="departments" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="managerId">
            <ReferenceField source="managerId" reference="users" emptyText="—" />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </RelatedList>
    <RelatedList resource="users">
      <ReferenceManyField
        reference="users"
        target="organizationId"
        sort={BY_NAME}
        perPage={25}
        pagination={<Pagination />}
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="name" field={TextField} />
          <DataTable.Col source="email" field={TextField} />
          <DataTable.Col source="roles">
            <RoleChipsField />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </RelatedList>
  </Show>
);

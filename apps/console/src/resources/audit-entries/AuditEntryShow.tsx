import { Card, CardContent, Typography } from '@mui/material';
import { Labeled, ReferenceField, Show, TextField, useTranslate } from 'react-admin';
import { DetailGrid } from '../DetailGrid';
import { ActorField } from './ActorField';
import { AuditActionField } from './AuditActionField';
import { AuditChanges } from './AuditChanges';
import { LocaleDateField } from '../LocaleDateField';

const ChangesCard = () => {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('cascade.audit.changes')}
        </Typography>
        <AuditChanges />
      </CardContent>
    </Card>
  );
};

export const AuditEntryShow = () => (
  <Show component="div" actions={false}>
    <Card>
      <DetailGrid>
        <Labeled source="createdAt">
          <LocaleDateField source="createdAt" />
        </Labeled>
        <Labeled source="action">
          <AuditActionField />
        </Labeled>
        <Labeled source="entity">
          <TextField source="entity" />
        </Labeled>
        <Labeled source="entityId">
          <TextField source="entityId" sx={{ fontFamily: 'monospace' }} />
        </Labeled>
        <Labeled source="actorId">
          <ActorField />
        </Labeled>
        <Labeled source="organizationId">
          <ReferenceField source="organizationId" reference="organizations" emptyText="—" />
        </Labeled>
      </DetailGrid>
    </Card>
    <ChangesCard />
  </Show>
);

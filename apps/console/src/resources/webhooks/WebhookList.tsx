import type { WebhookView } from '@cascade/contracts';
import { Chip, Stack } from '@mui/material';
import {
  BooleanField,
  DataTable,
  FunctionField,
  List,
  NumberField,
  ReferenceField,
  TextField,
  useTranslate,
} from 'react-admin';
import { LocaleDateField } from '../LocaleDateField';

const Events = ({ webhook }: { webhook: WebhookView }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {webhook.events.map((event) => (
        <Chip key={event} size="small" label={translate(`cascade.events.${event}`)} />
      ))}
    </Stack>
  );
};

export const WebhookList = () => (
  <List perPage={25} sort={{ field: 'createdAt', order: 'DESC' }}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="url" field={TextField} sx={{ overflowWrap: 'anywhere' }} />
      <DataTable.Col source="organizationId" disableSort>
        <ReferenceField source="organizationId" reference="organizations" />
      </DataTable.Col>
      <DataTable.Col source="events" disableSort>
        <FunctionField<WebhookView> render={(webhook) => <Events webhook={webhook} />} />
      </DataTable.Col>
      <DataTable.Col source="enabled" field={BooleanField} />
      <DataTable.Col source="consecutiveFailures" field={NumberField} disableSort />
      <DataTable.Col source="createdAt" field={LocaleDateField} />
    </DataTable>
  </List>
);

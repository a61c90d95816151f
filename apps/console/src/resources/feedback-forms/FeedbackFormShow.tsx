import type { FeedbackFormView } from '@cascade/contracts';
import { Box, Card, Chip, Stack, Typography } from '@mui/material';
import {
  BooleanField,
  DeleteButton,
  EditButton,
  Labeled,
  NumberField,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DetailGrid } from '../DetailGrid';
import { LabeledValue } from '../LabeledValue';
import { LocaleDateField } from '../LocaleDateField';
import { FeedbackFormPreview } from './FeedbackFormPreview';
import { useFormInUseNotice } from './useFormInUseNotice';

const Actions = () => {
  const onError = useFormInUseNotice();
  return (
    <TopToolbar>
      <EditButton />
      <DeleteButton
        mutationMode="pessimistic"
        mutationOptions={{ onError: (error) => onError(error, 'cascade.feedback_forms.in_use_delete') }}
      />
    </TopToolbar>
  );
};

const ItemSummary = () => {
  const form = useRecordContext<FeedbackFormView>();
  const translate = useTranslate();
  if (!form) return null;
  return (
    <LabeledValue label={translate('resources.feedback-forms.fields.items')}>
      <Stack component="ol" spacing={0.75} sx={{ pl: 2.5, m: 0 }}>
        {form.items.map((item) => (
          <li key={item.id}>
            <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
              <span>{item.text}</span>
              <Chip size="small" label={translate(`cascade.feedback_forms.item_type.${item.type}`)} />
              <Chip size="small" variant="outlined" label={translate(`cascade.feedback.about.${item.about}`)} />
              {!item.required && (
                <Typography variant="caption" color="text.secondary">
                  {translate('cascade.feedback.optional')}
                </Typography>
              )}
            </Stack>
            {item.options && (
              <Typography variant="caption" color="text.secondary">
                {item.options.join(' / ')}
              </Typography>
            )}
          </li>
        ))}
      </Stack>
    </LabeledValue>
  );
};

const Preview = () => {
  const form = useRecordContext<FeedbackFormView>();
  if (!form) return null;
  return (
    <FeedbackFormPreview
      title={form.title}
      description={form.description}
      anonymous={form.anonymous}
      items={form.items}
    />
  );
};

export const FeedbackFormShow = () => (
  <Show actions={<Actions />} component="div">
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) 420px' }, gap: 3, mt: 1 }}>
      <Card sx={{ alignSelf: 'start' }}>
        <DetailGrid>
          <Labeled source="title">
            <TextField source="title" variant="h6" />
          </Labeled>
          <Labeled source="organizationId">
            <ReferenceField source="organizationId" reference="organizations" />
          </Labeled>
          <Labeled source="anonymous">
            <BooleanField source="anonymous" />
          </Labeled>
          <Labeled source="responseCount">
            <NumberField source="responseCount" />
          </Labeled>
          <Labeled source="description">
            <TextField source="description" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
          </Labeled>
          <Labeled source="updatedAt">
            <LocaleDateField source="updatedAt" />
          </Labeled>
        </DetailGrid>
        <Box sx={{ px: { xs: 2, sm: 3 }, pb: 3 }}>
          <ItemSummary />
        </Box>
      </Card>
      <Preview />
    </Box>
  </Show>
);

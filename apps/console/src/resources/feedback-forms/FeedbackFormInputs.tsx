import { FEEDBACK_ITEM_TYPES, FEEDBACK_SUBJECTS } from '@cascade/contracts';
import { Box, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  FormDataConsumer,
  SelectInput,
  SimpleFormIterator,
  TextArrayInput,
  TextInput,
  maxLength,
  minLength,
  required,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { FeedbackFormPreview } from './FeedbackFormPreview';
import { NEW_ITEM, previewItems, type DraftItem } from './feedbackFormBody';

export const itemTypeChoices = FEEDBACK_ITEM_TYPES.map((id) => ({
  id,
  name: `cascade.feedback_forms.item_type.${id}`,
}));
export const subjectChoices = FEEDBACK_SUBJECTS.map((id) => ({ id, name: `cascade.feedback.about.${id}` }));

const optionsCount = (options: unknown) => {
  const filled = Array.isArray(options) ? options.filter((o) => typeof o === 'string' && o.trim()) : [];
  return filled.length < 2 || filled.length > 10 ? 'cascade.feedback_forms.options_count' : undefined;
};

const ROW = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%', alignItems: 'flex-start' } as const;

const LivePreview = () => {
  const translate = useTranslate();
  const [title, description, anonymous, items] = useWatch({ name: ['title', 'description', 'anonymous', 'items'] });
  return (
    <Box sx={{ position: { lg: 'sticky' }, top: { lg: 72 } }}>
      <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('cascade.feedback_forms.preview')}
      </Typography>
      <FeedbackFormPreview
        title={title ?? ''}
        description={description}
        anonymous={anonymous === true}
        items={previewItems(items as DraftItem[] | undefined)}
      />
    </Box>
  );
};

/**
 * Everything of a form but its organization, beside a live phone preview. `locked`: the form
 * has responses, so only the title and description may change (the server answers FORM_IN_USE).
 */
export const FeedbackFormInputs = ({ locked = false }: { locked?: boolean }) => (
  <Box
    sx={{
      display: 'grid',
      gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) 420px' },
      gap: 3,
      width: '100%',
    }}
  >
    <Box sx={{ minWidth: 0 }}>
      <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
      <TextInput source="description" multiline minRows={2} validate={maxLength(2000)} fullWidth />
      <BooleanInput source="anonymous" helperText="cascade.feedback_forms.anonymous_help" disabled={locked} />
      <ArrayInput source="items" validate={required()}>
        {/* Labels named outright: inside the iterator react-admin would look under fields.items.*, which is the array's own label. */}
        <SimpleFormIterator
          getItemLabel={(index) => `${index + 1}.`}
          disableAdd={locked}
          disableRemove={locked}
          disableReordering={locked}
          sx={{ '& .RaSimpleFormIterator-line': { py: 1 } }}
        >
          <Box sx={ROW}>
            <SelectInput
              source="type"
              label="resources.feedback-forms.fields.type"
              choices={itemTypeChoices}
              // A new item starts as a trainer rating, the most common question.
              defaultValue={NEW_ITEM.type}
              validate={required()}
              disabled={locked}
              sx={{ flex: '1 1 180px' }}
            />
            <SelectInput
              source="about"
              label="resources.feedback-forms.fields.about"
              choices={subjectChoices}
              defaultValue={NEW_ITEM.about}
              validate={required()}
              disabled={locked}
              sx={{ flex: '1 1 160px' }}
            />
            <BooleanInput
              source="required"
              label="resources.feedback-forms.fields.required"
              defaultValue={true}
              disabled={locked}
              sx={{ flex: '0 0 auto', mt: 1 }}
            />
          </Box>
          <TextInput
            source="text"
            label="resources.feedback-forms.fields.text"
            validate={[required(), minLength(1), maxLength(500)]}
            disabled={locked}
            fullWidth
          />
          <FormDataConsumer<Record<string, unknown>>>
            {({ scopedFormData }) =>
              (scopedFormData as DraftItem | undefined)?.type === 'single_choice' ? (
                <TextArrayInput
                  source="options"
                  label="resources.feedback-forms.fields.options"
                  validate={optionsCount}
                  disabled={locked}
                  helperText="cascade.feedback_forms.options_help"
                  fullWidth
                />
              ) : null
            }
          </FormDataConsumer>
        </SimpleFormIterator>
      </ArrayInput>
    </Box>
    <LivePreview />
  </Box>
);

import type { QualificationTrackView, TeachBackItem } from '@cascade/contracts';
import { Alert, Box, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  DateTimeInput,
  Form,
  RadioButtonGroupInput,
  ReferenceInput,
  ResourceContextProvider,
  SaveButton,
  SimpleFormIterator,
  TextInput,
  Title,
  maxLength,
  required,
  useGetOne,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { qualificationsApi } from '../../providers/qualificationsApi';
import { BY_NAME, BY_TITLE } from '../choices';

export const teachBackResultChoices = [
  { id: 'pass', name: 'cascade.teach_back.pass' },
  { id: 'fail', name: 'cascade.teach_back.fail' },
];

interface TeachBackFormValues {
  trackId?: string;
  candidateId?: string;
  sessionId?: string | null;
  observedAt?: string;
  items: Partial<TeachBackItem>[];
  comment?: string;
  sign: boolean;
}

const ROW = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' } as const;

/** The track's own checklist fills the items once, so every teach-back of a track covers the same points. */
const ChecklistFromTrack = () => {
  const trackId = useWatch<TeachBackFormValues>({ name: 'trackId' }) as string | undefined;
  const { reset, getValues } = useFormContext<TeachBackFormValues>();
  const { data: track } = useGetOne<QualificationTrackView>(
    'qualification-tracks',
    { id: trackId ?? '' },
    { enabled: Boolean(trackId) },
  );
  useEffect(() => {
    if (!track) return;
    const checklist = track.criteria.find((criterion) => criterion.kind === 'teach_back')?.checklist ?? [];
    const current = getValues('items') ?? [];
    // reset, not setValue: the items are a field array, which only picks up a whole new form state.
    if (checklist.length && current.every((item) => !item.label))
      reset(
        { ...getValues(), items: checklist.map((label) => ({ label, result: 'pass', comment: '' })) },
        { keepDefaultValues: true },
      );
  }, [track, getValues, reset]);
  return null;
};

const OrganizationScopedInputs = () => {
  const trackId = useWatch<TeachBackFormValues>({ name: 'trackId' }) as string | undefined;
  const { data: track } = useGetOne<QualificationTrackView>(
    'qualification-tracks',
    { id: trackId ?? '' },
    { enabled: Boolean(trackId) },
  );
  const organizationId = track?.organizationId;
  return (
    <Box sx={ROW}>
      <ReferenceInput source="candidateId" reference="users" filter={{ organizationId }} sort={BY_NAME}>
        <AutocompleteInput
          label="cascade.teach_back.candidate"
          validate={required()}
          sx={{ flex: '1 1 240px' }}
          fullWidth={false}
        />
      </ReferenceInput>
      <ReferenceInput
        source="sessionId"
        reference="sessions"
        filter={{ organizationId }}
        sort={{ field: 'startsAt', order: 'DESC' }}
      >
        <AutocompleteInput
          label="cascade.teach_back.session"
          optionText="title"
          sx={{ flex: '1 1 240px' }}
          fullWidth={false}
        />
      </ReferenceInput>
      <DateTimeInput
        source="observedAt"
        label="cascade.teach_back.observed_at"
        validate={required()}
        sx={{ flex: '1 1 200px' }}
        fullWidth={false}
      />
    </Box>
  );
};

/** A vendor trainer observes a candidate teaching and marks each checklist item pass or fail, then signs it off. */
export const TeachBackCreatePage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const trackId = params.get('trackId') ?? undefined;
  const { data: track, isPending } = useGetOne<QualificationTrackView>(
    'qualification-tracks',
    { id: trackId ?? '' },
    { enabled: Boolean(trackId) },
  );
  const checklist = track?.criteria.find((criterion) => criterion.kind === 'teach_back')?.checklist ?? [];
  const defaults: TeachBackFormValues = {
    trackId,
    candidateId: params.get('candidateId') ?? undefined,
    observedAt: new Date().toISOString(),
    items: checklist.length
      ? checklist.map((label) => ({ label, result: 'pass', comment: '' }))
      : [{ label: '', result: 'pass', comment: '' }],
    sign: true,
  };

  const submit = async (values: Record<string, unknown>) => {
    const form = values as unknown as TeachBackFormValues;
    try {
      const saved = await qualificationsApi.createTeachBack({
        trackId: form.trackId!,
        candidateId: form.candidateId!,
        sessionId: form.sessionId || undefined,
        observedAt: form.observedAt ? new Date(form.observedAt).toISOString() : undefined,
        items: form.items.map((item) => ({
          label: (item.label ?? '').trim(),
          result: item.result ?? 'fail',
          comment: item.comment?.trim() || undefined,
        })),
        comment: form.comment?.trim() || undefined,
        sign: form.sign,
      });
      setError(null);
      notify(
        saved.signedAt
          ? saved.passed
            ? 'cascade.teach_back.signed_passed'
            : 'cascade.teach_back.signed_failed'
          : 'cascade.teach_back.saved',
        { type: saved.passed || !saved.signedAt ? 'success' : 'warning' },
      );
      navigate(`/qualification-tracks/${saved.trackId}/show`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  // The inputs translate their labels and look up references through a resource, as inside a Create.
  return (
    <ResourceContextProvider value="teach-backs">
      <Card sx={{ mt: 2, maxWidth: 1000 }}>
        <Title title="cascade.teach_back.title" />
        <CardContent>
          <Typography variant="h6" component="h1" gutterBottom>
            {translate('cascade.teach_back.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('cascade.teach_back.help')}
          </Typography>
          {trackId && isPending ? (
            <LinearProgress />
          ) : (
            <Form defaultValues={defaults} onSubmit={submit}>
              <ReferenceInput source="trackId" reference="qualification-tracks" sort={BY_TITLE}>
                <AutocompleteInput label="cascade.teach_back.track" optionText="title" validate={required()} />
              </ReferenceInput>
              <ChecklistFromTrack />
              <OrganizationScopedInputs />
              <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 1, mb: 1 }}>
                {translate('cascade.teach_back.checklist')}
              </Typography>
              <ArrayInput source="items" label={false} validate={required()}>
                <SimpleFormIterator disableReordering fullWidth>
                  <TextInput source="label" label="cascade.teach_back.item" validate={[required(), maxLength(300)]} />
                  <RadioButtonGroupInput
                    source="result"
                    label="cascade.teach_back.result"
                    choices={teachBackResultChoices}
                    validate={required()}
                    row
                  />
                  <TextInput
                    source="comment"
                    label="cascade.teach_back.item_comment"
                    validate={maxLength(2000)}
                    multiline
                  />
                </SimpleFormIterator>
              </ArrayInput>
              <TextInput
                source="comment"
                label="cascade.teach_back.comment"
                multiline
                minRows={2}
                validate={maxLength(4000)}
              />
              <BooleanInput source="sign" label="cascade.teach_back.sign" helperText="cascade.teach_back.sign_help" />
              {error && (
                <Alert severity="error" sx={{ mb: 2 }}>
                  {error}
                </Alert>
              )}
              <SaveButton label="cascade.teach_back.submit" alwaysEnable />
            </Form>
          )}
        </CardContent>
      </Card>
    </ResourceContextProvider>
  );
};

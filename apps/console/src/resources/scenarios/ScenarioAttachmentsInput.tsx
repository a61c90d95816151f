import AttachFileIcon from '@mui/icons-material/AttachFile';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Box, Button, CircularProgress, IconButton, Link, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useInput, useTranslate } from 'react-admin';
import type { CascadeDataProvider } from '../../providers/dataProvider';
import { useApiFile } from '../useApiFile';

/** The scenario's attachments (screenshots, sample documents): uploaded through POST /api/files, kept as ids. */
export const ScenarioAttachmentsInput = ({ organizationId }: { organizationId?: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const { save } = useApiFile();
  const { field } = useInput({ source: 'attachments', defaultValue: [] });
  const [names, setNames] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const ids = (field.value as string[] | undefined) ?? [];

  const upload = async (file: File | undefined) => {
    if (!file || !organizationId) return;
    setUploading(true);
    setFailure(null);
    try {
      const stored = await dataProvider.uploadFile(organizationId, file);
      setNames((current) => ({ ...current, [stored.id]: stored.name }));
      field.onChange([...ids, stored.id]);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : translate('ra.notification.http_error'));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Box sx={{ my: 1, width: '100%' }}>
      <Typography variant="subtitle2">{translate('resources.scenarios.fields.attachments')}</Typography>
      <Stack spacing={0.5} sx={{ my: 1 }}>
        {ids.map((id, index) => (
          <Stack key={id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Link
              component="button"
              type="button"
              onClick={() => void save(`/files/${id}`, names[id] ?? `attachment-${index + 1}`)}
            >
              {names[id] ?? translate('cascade.scenarios.attachment', { number: index + 1 })}
            </Link>
            <IconButton
              size="small"
              aria-label={translate('ra.action.remove')}
              onClick={() => field.onChange(ids.filter((other) => other !== id))}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Stack>
        ))}
      </Stack>
      <Button
        component="label"
        size="small"
        variant="outlined"
        disabled={!organizationId || uploading}
        startIcon={uploading ? <CircularProgress size={16} /> : <AttachFileIcon />}
      >
        {translate('cascade.scenarios.add_attachment')}
        <input
          type="file"
          hidden
          onChange={(event) => {
            void upload(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </Button>
      {failure && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {failure}
        </Alert>
      )}
    </Box>
  );
};

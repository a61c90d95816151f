import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Box, Button, CircularProgress, FormHelperText, Link, Stack } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useInput, useTranslate } from 'react-admin';
import type { CascadeDataProvider } from '../../providers/dataProvider';
import { useApiFile } from '../useApiFile';
import { requiredForMaterialKind } from '../validation';

/** Uploads a material through POST /api/files and keeps the stored file's id in `fileId`. */
export const MaterialFileInput = ({ organizationId, title }: { organizationId?: string; title?: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const { save } = useApiFile();
  const { field, fieldState } = useInput({ source: 'fileId', validate: requiredForMaterialKind('file') });
  const [fileName, setFileName] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const upload = async (file: File | undefined) => {
    if (!file || !organizationId) return;
    setUploading(true);
    setFailure(null);
    try {
      const stored = await dataProvider.uploadFile(organizationId, file);
      field.onChange(stored.id);
      setFileName(stored.name);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : translate('ra.notification.http_error'));
    } finally {
      setUploading(false);
    }
  };

  const fileId = field.value as string | undefined;
  const error = failure ?? (fieldState.invalid ? translate('ra.validation.required') : null);

  return (
    <Box sx={{ minWidth: 220, my: 1 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button
          component="label"
          size="small"
          variant="outlined"
          disabled={!organizationId || uploading}
          startIcon={uploading ? <CircularProgress size={16} /> : <AttachFileIcon />}
        >
          {translate(fileId ? 'cascade.plans.replace_file' : 'cascade.plans.upload_file')}
          <input
            type="file"
            hidden
            onChange={(event) => {
              void upload(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </Button>
        {fileId && (
          <Link
            component="button"
            type="button"
            variant="body2"
            onClick={() => save(`/files/${fileId}`, title || fileId)}
          >
            {fileName ?? title ?? translate('cascade.plans.uploaded_file')}
          </Link>
        )}
      </Stack>
      {!organizationId && <FormHelperText>{translate('cascade.plans.choose_client_first')}</FormHelperText>}
      {error && <FormHelperText error>{error}</FormHelperText>}
    </Box>
  );
};

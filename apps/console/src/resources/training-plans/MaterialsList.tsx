import type { MaterialView } from '@cascade/contracts';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import LinkIcon from '@mui/icons-material/Link';
import { Link, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useApiFile } from '../useApiFile';

/** A module's materials: links open in a new tab, uploaded files download with the token. */
export const MaterialsList = ({ materials }: { materials: readonly MaterialView[] }) => {
  const translate = useTranslate();
  const { save } = useApiFile();
  if (materials.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('cascade.plans.no_materials')}
      </Typography>
    );
  }
  return (
    <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 0, listStyle: 'none' }}>
      {materials.map((material, index) => (
        <Stack
          component="li"
          key={`${material.title}-${index}`}
          direction="row"
          spacing={1}
          sx={{ alignItems: 'center' }}
        >
          {material.kind === 'file' ? (
            <AttachFileIcon fontSize="small" color="action" />
          ) : (
            <LinkIcon fontSize="small" color="action" />
          )}
          {material.kind === 'file' && material.fileId ? (
            <Link
              component="button"
              type="button"
              variant="body2"
              onClick={() => save(`/files/${material.fileId}`, material.title)}
            >
              {material.title}
            </Link>
          ) : (
            <Link href={material.url} target="_blank" rel="noopener noreferrer" variant="body2">
              {material.title}
            </Link>
          )}
        </Stack>
      ))}
    </Stack>
  );
};

import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Button, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';

/** Title of a page about one exam, with the way back to it. */
export const ExamPageHeader = ({ examId, title, actions }: { examId: string; title: string; actions?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', my: 2 }}>
      <Title title={title} />
      <Button component={Link} to={`/exams/${examId}/show`} startIcon={<ArrowBackIcon />} size="small">
        {translate('cascade.exams.back_to_exam')}
      </Button>
      <Typography variant="h6" component="h1" sx={{ flex: '1 1 auto' }}>
        {title}
      </Typography>
      {actions}
    </Stack>
  );
};

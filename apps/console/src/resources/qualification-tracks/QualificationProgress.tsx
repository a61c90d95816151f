import type { CriterionProgress, QualificationStatus, QualificationView } from '@cascade/contracts';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Box, Button, Collapse, LinearProgress, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { EnumChip, type ChipColor } from '../EnumChip';

export const QUALIFICATION_STATUS_COLORS: Record<QualificationStatus, ChipColor> = {
  candidate: 'default',
  in_progress: 'info',
  qualified: 'success',
  expired: 'warning',
  revoked: 'error',
};

export const QualificationStatusChip = ({ status }: { status: QualificationStatus }) => (
  <EnumChip value={status} prefix="cascade.qualifications.status" colors={QUALIFICATION_STATUS_COLORS} />
);

const round = (value: number) => String(Math.round(value * 10) / 10);

/** How far along a criterion is, 0..1; a feedback criterion needs both its mean and its number of responses. */
export function criterionFraction(progress: CriterionProgress): number {
  if (progress.met) return 1;
  const part = (current: number, required: number) => (required > 0 ? Math.min(current / required, 1) : 1);
  const main = part(progress.current, progress.required);
  if (progress.kind === 'trainer_feedback' && progress.requiredCount)
    return Math.min(main, part(progress.count ?? 0, progress.requiredCount));
  return main;
}

/** "sessions co-delivered: 2 of 3" in the console's language. */
export function useCriterionText() {
  const translate = useTranslate();
  return (progress: CriterionProgress) =>
    translate(`cascade.qualifications.progress.${progress.kind}`, {
      current: round(progress.current),
      required: round(progress.required),
      count: progress.count ?? 0,
      requiredCount: progress.requiredCount ?? 0,
      state: translate(progress.met ? 'cascade.qualifications.met' : 'cascade.qualifications.not_met'),
    });
}

const EVIDENCE_LINKS: Partial<Record<string, (id: string) => string>> = {
  session: (id) => `/sessions/${id}/show`,
};

const CriterionRow = ({ progress, compact }: { progress: CriterionProgress; compact: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const text = useCriterionText();
  const [open, setOpen] = useState(false);
  const fraction = criterionFraction(progress);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return (
    <Box data-testid={`criterion-${progress.kind}`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="body2" sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {text(progress)}
        </Typography>
        {!compact && progress.evidence.length > 0 && (
          <Button
            size="small"
            onClick={() => setOpen(!open)}
            endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
            sx={{ flexShrink: 0 }}
          >
            {translate('cascade.qualifications.evidence', { smart_count: progress.evidence.length })}
          </Button>
        )}
      </Stack>
      <LinearProgress
        variant="determinate"
        value={fraction * 100}
        color={progress.met ? 'success' : 'primary'}
        sx={{ height: 8, borderRadius: 4, my: 0.5 }}
        aria-label={text(progress)}
      />
      {!compact && (
        <Collapse in={open} unmountOnExit>
          <List dense disablePadding sx={{ pl: 1 }}>
            {progress.evidence.map((evidence) => {
              const link = EVIDENCE_LINKS[evidence.type]?.(evidence.id);
              return (
                <ListItem key={`${evidence.type}-${evidence.id}`} disableGutters>
                  <ListItemText
                    primary={link ? <RouterLink to={link}>{evidence.label}</RouterLink> : evidence.label}
                    secondary={`${translate(`cascade.qualifications.evidence_type.${evidence.type}`)} · ${dateFormat.format(new Date(evidence.at))}`}
                  />
                </ListItem>
              );
            })}
          </List>
        </Collapse>
      )}
    </Box>
  );
};

/** One bar per criterion of a person's qualification; `compact` leaves out the evidence. */
export const QualificationProgress = ({
  qualification,
  compact = false,
}: {
  qualification: QualificationView;
  compact?: boolean;
}) => (
  <Stack spacing={1}>
    {qualification.progress.map((progress) => (
      <CriterionRow key={progress.index} progress={progress} compact={compact} />
    ))}
  </Stack>
);

import type { IssueSeverity, IssueStatus } from '@cascade/contracts';
import type { ChipColor } from '../EnumChip';

export const SEVERITY_COLORS: Record<IssueSeverity, ChipColor> = {
  low: 'default',
  medium: 'info',
  high: 'warning',
  critical: 'error',
};

export const ISSUE_STATUS_COLORS: Record<IssueStatus, ChipColor> = {
  open: 'warning',
  in_progress: 'primary',
  resolved: 'success',
  rejected: 'default',
  deferred: 'secondary',
};

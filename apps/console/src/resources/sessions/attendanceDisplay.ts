import type { AttendanceStatus } from '@cascade/contracts';
import type { ChipColor } from '../EnumChip';

export const ATTENDANCE_COLORS: Record<AttendanceStatus, ChipColor> = {
  present: 'success',
  late: 'warning',
  excused: 'info',
  absent: 'error',
  pending_approval: 'secondary',
};

/** Statuses a trainer sets by hand; approving a walk-in is marking them present. */
export const MARKS = ['present', 'late', 'excused', 'absent'] as const;
export type Mark = (typeof MARKS)[number];

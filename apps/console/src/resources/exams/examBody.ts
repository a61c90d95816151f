import type { BlueprintRow, ExamAssignees, ExamOverride, ExamView } from '@cascade/contracts';

export type ExamMode = 'fixed' | 'blueprint';

interface OverrideValues {
  userId?: string;
  extraMinutes?: number | null;
  opensAt?: string | null;
  closesAt?: string | null;
}

/** The exam form: the API's fields plus which way questions are chosen. */
export interface ExamFormValues {
  organizationId?: string;
  title?: string;
  kind?: ExamView['kind'];
  planId?: string | null;
  sessionId?: string | null;
  mode?: ExamMode;
  questionIds?: string[] | null;
  blueprint?: Partial<BlueprintRow>[] | null;
  timeLimitMinutes?: number;
  opensAt?: string;
  closesAt?: string;
  passPercent?: number;
  attemptsAllowed?: number;
  shuffleQuestions?: boolean;
  shuffleOptions?: boolean;
  showResults?: ExamView['showResults'];
  reviewMode?: ExamView['reviewMode'];
  assignees?: Partial<ExamAssignees>;
  overrides?: OverrideValues[] | null;
}

const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

/** A datetime-local value ("2025-03-01T09:00") is the browser's wall time; the API wants an instant with an offset. */
export function toInstant(value: string | null | undefined): string | null {
  if (!value) return null;
  if (WITH_OFFSET.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

const blank = (value: unknown) => value === undefined || value === null || value === '';

export function blueprintRows(rows: Partial<BlueprintRow>[]): BlueprintRow[] {
  return rows.map((row) => ({
    businessProcess: (row.businessProcess ?? '').trim(),
    difficulty: Number(row.difficulty),
    count: Number(row.count),
    points: blank(row.points) ? null : Number(row.points),
  }));
}

function overridesOf(rows: OverrideValues[]): ExamOverride[] {
  return rows
    .filter((row) => row.userId)
    .map((row) => ({
      userId: row.userId as string,
      extraMinutes: blank(row.extraMinutes) ? 0 : Number(row.extraMinutes),
      opensAt: toInstant(row.opensAt),
      closesAt: toInstant(row.closesAt),
    }));
}

/**
 * The body for POST or PATCH: one way of choosing questions (the other is left out, and the
 * server clears it), instants with offsets, and no overrides key when there are none to send.
 */
export function examBody(values: ExamFormValues, editing = false): Record<string, unknown> {
  const { mode, questionIds, blueprint, overrides, opensAt, closesAt, ...rest } = values;
  const body: Record<string, unknown> = { ...rest, opensAt: toInstant(opensAt), closesAt: toInstant(closesAt) };
  if (mode === 'blueprint') body.blueprint = blueprintRows(blueprint ?? []);
  else body.questionIds = questionIds ?? [];
  const list = overridesOf(overrides ?? []);
  // An edit sends the list as it now is (the data provider drops it if unchanged).
  if (list.length > 0 || editing) body.overrides = list;
  for (const field of ['planId', 'sessionId'] as const) if (blank(body[field])) body[field] = null;
  return body;
}

/** The form's starting values for a saved exam. */
export function examFormValues(exam: ExamView): ExamFormValues & { id: string } {
  return { ...exam, mode: exam.blueprint ? 'blueprint' : 'fixed' };
}

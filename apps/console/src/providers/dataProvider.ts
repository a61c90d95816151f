import {
  MAX_PER_PAGE,
  type AttendanceSheetView,
  type AttendanceStatus,
  type AttendanceSummaryView,
  type AttendanceView,
  type CheckInCodeView,
  type CheckInMethod,
  type ListResult,
  type NotificationView,
  type PlanRevisionView,
  type StoredFileView,
  type TrainingIssueView,
  type TrainingPlanView,
  type TrainingSessionView,
  type UserImportResult,
  type UserView,
} from '@cascade/contracts';
import type {
  CreateParams,
  DataProvider,
  DeleteParams,
  GetListParams,
  GetOneParams,
  Identifier,
  RaRecord,
} from 'react-admin';
import { httpBlob, httpClient } from './httpClient';

/** Never written by clients: unknown or read-only fields are rejected with 400. */
const SERVER_OWNED_FIELDS = ['id', 'createdAt', 'updatedAt'];
/** Fields a PATCH may not change per resource; they change through explicit actions or never. */
const IMMUTABLE_FIELDS: Record<string, string[]> = {
  users: ['organizationId', 'active'],
  departments: ['organizationId'],
  'training-plans': ['organizationId', 'status', 'revision', 'createdBy', 'submittedAt', 'confirmedAt', 'confirmedBy'],
  sessions: [
    'planId',
    'organizationId',
    'businessProcess',
    'status',
    'enrollments',
    'checkInOpensAt',
    'checkInClosesAt',
  ],
  'training-issues': ['organizationId', 'planId', 'sessionId', 'moduleId', 'status', 'reporterId', 'resolution'],
  questions: ['organizationId', 'version', 'copiedFromId', 'createdBy'],
  scenarios: ['organizationId', 'questionCount', 'copiedFromId', 'createdBy'],
  exams: ['organizationId', 'createdBy'],
  'feedback-forms': ['organizationId', 'responseCount', 'createdBy'],
  webhooks: ['organizationId', 'consecutiveFailures', 'disabledAt', 'disabledReason'],
};

const isBlank = (value: unknown) => value === undefined || value === null || value === '';
const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The fields of `data` that differ from `previousData`, minus what the server owns. */
export function changedFields(resource: string, data: Record<string, unknown>, previousData: Record<string, unknown>) {
  const skipped = new Set([...SERVER_OWNED_FIELDS, ...(IMMUTABLE_FIELDS[resource] ?? [])]);
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(data)) {
    if (skipped.has(field) || sameValue(value, previousData[field])) continue;
    // A blank input for a field the record never had (e.g. a new password) means "leave it".
    if (isBlank(value) && previousData[field] === undefined) continue;
    changes[field] = value === '' ? null : value;
  }
  return changes;
}

function creationBody(data: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(data).filter(([field, value]) => !SERVER_OWNED_FIELDS.includes(field) && !isBlank(value)),
  );
}

export function listQuery(params: Pick<GetListParams, 'pagination' | 'sort' | 'filter'>): string {
  const query = new URLSearchParams();
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  query.set('page', String(page));
  query.set('perPage', String(Math.min(Math.max(perPage, 1), MAX_PER_PAGE)));
  if (params.sort?.field) {
    query.set('sort', params.sort.field);
    query.set('order', params.sort.order === 'DESC' ? 'DESC' : 'ASC');
  }
  for (const [field, value] of Object.entries(params.filter ?? {})) {
    if (isBlank(value)) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'object') continue;
      query.append(field, String(item));
    }
  }
  return query.toString();
}

const path = (resource: string, id?: Identifier) =>
  id === undefined ? `/${resource}` : `/${resource}/${encodeURIComponent(String(id))}`;

export interface CascadeDataProvider extends DataProvider {
  me(): Promise<UserView>;
  setUserActive(id: Identifier, active: boolean): Promise<void>;
  importUsers(organizationId: string, file: File): Promise<UserImportResult>;
  notifications(params: { page: number; perPage: number; unreadOnly: boolean }): Promise<ListResult<NotificationView>>;
  markNotificationRead(id: string): Promise<void>;
  unreadNotificationCount(): Promise<number>;
  planAction(id: Identifier, action: PlanAction, body?: PlanActionBody): Promise<TrainingPlanView>;
  planRevisions(id: Identifier): Promise<ListResult<PlanRevisionView>>;
  planAttendanceSummary(id: Identifier): Promise<AttendanceSummaryView>;
  uploadFile(organizationId: string, file: File): Promise<StoredFileView>;
  /** A protected file (PDF, XLSX, ICS, upload) fetched with the bearer token. */
  download(path: string): Promise<{ blob: Blob; fileName: string | null }>;
  cancelSession(id: Identifier, reason: string): Promise<TrainingSessionView>;
  enroll(id: Identifier, userIds: string[]): Promise<TrainingSessionView>;
  unenroll(id: Identifier, userId: string): Promise<void>;
  respondToInvitation(id: Identifier, response: 'accepted' | 'declined'): Promise<TrainingSessionView>;
  checkInCode(id: Identifier): Promise<CheckInCodeView>;
  /** `repeated` when the trainee had already checked in (200 instead of 201). */
  checkIn(
    id: Identifier,
    code: string,
    method: Exclude<CheckInMethod, 'manual'>,
  ): Promise<{ attendance: AttendanceView; repeated: boolean }>;
  attendanceSheet(id: Identifier): Promise<AttendanceSheetView>;
  markAttendance(id: Identifier, mark: AttendanceMark): Promise<AttendanceView>;
  calendarFeed(reset?: boolean): Promise<string>;
  issueAction(id: Identifier, action: IssueAction, resolution?: string): Promise<TrainingIssueView>;
}

export type PlanAction = 'submit' | 'confirm' | 'return' | 'start' | 'complete' | 'cancel';
export type PlanActionBody = { comment?: string } | { reason: string };
export type IssueAction = 'start' | 'resolve' | 'reject' | 'defer' | 'reopen';
export interface AttendanceMark {
  userId: string;
  status: Exclude<AttendanceStatus, 'pending_approval'>;
  note?: string;
}

export const dataProvider: CascadeDataProvider = {
  supportAbortSignal: true,

  async getList<RecordType extends RaRecord>(resource: string, params: GetListParams) {
    const { json } = await httpClient<ListResult<RecordType>>(`${path(resource)}?${listQuery(params)}`, {
      signal: params.signal,
    });
    return { data: json.data, total: json.total };
  },

  async getOne<RecordType extends RaRecord>(resource: string, params: GetOneParams<RecordType>) {
    const { json } = await httpClient<RecordType>(path(resource, params.id), { signal: params.signal });
    return { data: json };
  },

  // The API has no `?id=` filter: fetch each record, and drop the ones this user may not see.
  async getMany(resource, params) {
    const ids = [...new Set(params.ids)];
    const results = await Promise.allSettled(
      ids.map((id) => dataProvider.getOne(resource, { id, signal: params.signal })),
    );
    const found = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value.data] : []));
    const firstFailure = results.find((result) => result.status === 'rejected');
    if (found.length === 0 && firstFailure) throw firstFailure.reason;
    return { data: found };
  },

  async getManyReference(resource, params) {
    const filter = { ...params.filter, [params.target]: params.id };
    return dataProvider.getList(resource, { ...params, filter });
  },

  async create<
    RecordType extends Omit<RaRecord, 'id'>,
    ResultRecordType extends RaRecord = RecordType & { id: Identifier },
  >(resource: string, params: CreateParams<RecordType>) {
    const { json } = await httpClient<ResultRecordType>(path(resource), {
      method: 'POST',
      json: creationBody(params.data),
    });
    return { data: json };
  },

  async update(resource, params) {
    const changes = changedFields(resource, params.data, params.previousData ?? {});
    if (Object.keys(changes).length === 0) return { data: params.previousData };
    const { json } = await httpClient<RaRecord | undefined>(path(resource, params.id), {
      method: 'PATCH',
      json: changes,
    });
    return { data: json ?? { ...params.previousData, ...changes } };
  },

  async updateMany(resource, params) {
    await Promise.all(params.ids.map((id) => httpClient(path(resource, id), { method: 'PATCH', json: params.data })));
    return { data: params.ids };
  },

  async delete<RecordType extends RaRecord>(resource: string, params: DeleteParams<RecordType>) {
    await httpClient(path(resource, params.id), { method: 'DELETE' });
    return { data: params.previousData ?? ({ id: params.id } as RecordType) };
  },

  async deleteMany(resource, params) {
    await Promise.all(params.ids.map((id) => httpClient(path(resource, id), { method: 'DELETE' })));
    return { data: params.ids };
  },

  async me() {
    return (await httpClient<UserView>('/auth/me')).json;
  },

  async setUserActive(id, active) {
    await httpClient(`${path('users', id)}/${active ? 'activate' : 'deactivate'}`, { method: 'POST' });
  },

  async importUsers(organizationId, file) {
    const form = new FormData();
    form.append('organizationId', organizationId);
    form.append('file', file, file.name);
    return (await httpClient<UserImportResult>('/users/import', { method: 'POST', body: form })).json;
  },

  async notifications({ page, perPage, unreadOnly }) {
    const query = new URLSearchParams({ page: String(page), perPage: String(Math.min(perPage, MAX_PER_PAGE)) });
    if (unreadOnly) query.set('unread', 'true');
    return (await httpClient<ListResult<NotificationView>>(`/me/notifications?${query}`)).json;
  },

  async markNotificationRead(id) {
    await httpClient(`/me/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
  },

  async unreadNotificationCount() {
    return (await httpClient<{ count: number }>('/me/notifications/unread-count')).json.count;
  },

  async planAction(id, action, body) {
    return (
      await httpClient<TrainingPlanView>(`${path('training-plans', id)}/${action}`, {
        method: 'POST',
        json: body ?? {},
      })
    ).json;
  },

  async planRevisions(id) {
    return (await httpClient<ListResult<PlanRevisionView>>(`${path('training-plans', id)}/revisions`)).json;
  },

  async planAttendanceSummary(id) {
    return (await httpClient<AttendanceSummaryView>(`${path('training-plans', id)}/attendance-summary`)).json;
  },

  async uploadFile(organizationId, file) {
    const form = new FormData();
    form.append('organizationId', organizationId);
    form.append('file', file, file.name);
    return (await httpClient<StoredFileView>('/files', { method: 'POST', body: form })).json;
  },

  download(filePath) {
    return httpBlob(filePath);
  },

  async cancelSession(id, reason) {
    return (
      await httpClient<TrainingSessionView>(`${path('sessions', id)}/cancel`, { method: 'POST', json: { reason } })
    ).json;
  },

  async enroll(id, userIds) {
    return (
      await httpClient<TrainingSessionView>(`${path('sessions', id)}/enrollments`, {
        method: 'POST',
        json: { userIds },
      })
    ).json;
  },

  async unenroll(id, userId) {
    await httpClient(`${path('sessions', id)}/enrollments/${encodeURIComponent(userId)}`, { method: 'DELETE' });
  },

  async respondToInvitation(id, response) {
    return (
      await httpClient<TrainingSessionView>(`${path('sessions', id)}/respond`, { method: 'POST', json: { response } })
    ).json;
  },

  async checkInCode(id) {
    return (await httpClient<CheckInCodeView>(`${path('sessions', id)}/check-in-code`)).json;
  },

  async checkIn(id, code, method) {
    const { status, json } = await httpClient<AttendanceView>(`${path('sessions', id)}/check-ins`, {
      method: 'POST',
      json: { code, method },
    });
    return { attendance: json, repeated: status === 200 };
  },

  async attendanceSheet(id) {
    return (await httpClient<AttendanceSheetView>(`${path('sessions', id)}/attendance`)).json;
  },

  async markAttendance(id, mark) {
    return (await httpClient<AttendanceView>(`${path('sessions', id)}/attendance`, { method: 'POST', json: mark }))
      .json;
  },

  async calendarFeed(reset = false) {
    const { json } = await httpClient<{ url: string }>(reset ? '/me/calendar/reset' : '/me/calendar', {
      method: reset ? 'POST' : 'GET',
    });
    return json.url;
  },

  async issueAction(id, action, resolution) {
    const body = resolution === undefined ? {} : { resolution };
    return (
      await httpClient<TrainingIssueView>(`${path('training-issues', id)}/${action}`, { method: 'POST', json: body })
    ).json;
  },
};

import type {
  CascadeCoverage,
  CascadeLineage,
  CertificateView,
  EligibleLeadView,
  ListResult,
  QualificationStatus,
  QualificationView,
  TeachBackItem,
  TeachBackView,
} from '@cascade/contracts';
import { httpClient } from './httpClient';

const id = (value: string) => encodeURIComponent(value);

export interface QualificationFilter {
  trackId?: string;
  userId?: string;
  organizationId?: string;
  departmentId?: string;
  attitude?: string;
  status?: QualificationStatus;
}

export interface TeachBackInput {
  trackId: string;
  candidateId: string;
  sessionId?: string;
  observedAt?: string;
  items: { label: string; result: TeachBackItem['result']; comment?: string }[];
  comment?: string;
  sign?: boolean;
}

function query(filter: object, perPage = 100): string {
  const params = new URLSearchParams({ page: '1', perPage: String(perPage) });
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  return params.toString();
}

/** Train the trainer beyond the tracks' CRUD: candidates, teach-backs, certificates, the cascade and the lead picker. */
export const qualificationsApi = {
  async qualifications(filter: QualificationFilter): Promise<QualificationView[]> {
    return (await httpClient<ListResult<QualificationView>>(`/qualifications?${query(filter)}`)).json.data;
  },

  async nominate(trackId: string, userId: string): Promise<QualificationView> {
    return (await httpClient<QualificationView>('/qualifications', { method: 'POST', json: { trackId, userId } })).json;
  },

  async revoke(qualificationId: string, reason: string): Promise<QualificationView> {
    return (
      await httpClient<QualificationView>(`/qualifications/${id(qualificationId)}/revoke`, {
        method: 'POST',
        json: { reason },
      })
    ).json;
  },

  async teachBacks(filter: { trackId?: string; candidateId?: string }): Promise<TeachBackView[]> {
    return (await httpClient<ListResult<TeachBackView>>(`/teach-backs?${query(filter)}`)).json.data;
  },

  async createTeachBack(input: TeachBackInput): Promise<TeachBackView> {
    return (await httpClient<TeachBackView>('/teach-backs', { method: 'POST', json: input })).json;
  },

  async certificates(filter: { userId?: string; organizationId?: string }): Promise<CertificateView[]> {
    return (await httpClient<ListResult<CertificateView>>(`/certificates?${query(filter)}`)).json.data;
  },

  async lineage(organizationId: string): Promise<CascadeLineage> {
    return (await httpClient<CascadeLineage>(`/cascade/lineage?${new URLSearchParams({ organizationId })}`)).json;
  },

  async coverage(organizationId: string): Promise<CascadeCoverage> {
    return (await httpClient<CascadeCoverage>(`/cascade/coverage?${new URLSearchParams({ organizationId })}`)).json;
  },

  async eligibleLeads(organizationId: string, businessProcess: string, at?: string): Promise<EligibleLeadView[]> {
    const params = query({ organizationId, businessProcess, at });
    return (await httpClient<ListResult<EligibleLeadView>>(`/sessions/eligible-leads?${params}`)).json.data;
  },
};

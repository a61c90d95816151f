import type { DepartmentDigestView, RecognitionPolicyView, ResultsReleaseView } from '@cascade/contracts';
import { httpClient } from './httpClient';

const id = (value: string) => encodeURIComponent(value);

export type RecognitionPolicyInput = Omit<RecognitionPolicyView, 'organizationId' | 'updatedAt'>;

/** Results going back to people and departments: the client's recognition policy, release and digests. */
export const resultsLoopApi = {
  async recognitionPolicy(organizationId: string): Promise<RecognitionPolicyView> {
    return (await httpClient<RecognitionPolicyView>(`/organizations/${id(organizationId)}/recognition-policy`)).json;
  },

  async setRecognitionPolicy(organizationId: string, policy: RecognitionPolicyInput): Promise<RecognitionPolicyView> {
    return (
      await httpClient<RecognitionPolicyView>(`/organizations/${id(organizationId)}/recognition-policy`, {
        method: 'PUT',
        json: policy,
      })
    ).json;
  },

  async releaseResults(examId: string): Promise<ResultsReleaseView> {
    return (await httpClient<ResultsReleaseView>(`/exams/${id(examId)}/release-results`, { method: 'POST', json: {} }))
      .json;
  },

  async digests(examId: string): Promise<DepartmentDigestView[]> {
    return (await httpClient<DepartmentDigestView[]>(`/exams/${id(examId)}/digests`)).json;
  },
};

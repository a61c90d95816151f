import { MAX_PER_PAGE, type QuestionView } from '@cascade/contracts';
import { useGetList } from 'react-admin';

/** The business processes the client's bank already uses, to suggest while building a blueprint. */
export function useBusinessProcesses(organizationId: string | undefined): string[] {
  const { data } = useGetList<QuestionView>(
    'questions',
    {
      pagination: { page: 1, perPage: MAX_PER_PAGE },
      sort: { field: 'businessProcess', order: 'ASC' },
      filter: { organizationId, status: 'active' },
    },
    { enabled: Boolean(organizationId) },
  );
  return [...new Set((data ?? []).map((question) => question.businessProcess))].sort();
}

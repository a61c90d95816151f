import {
  MAX_PER_PAGE,
  type AnswerSaved,
  type AttemptView,
  type BlueprintCheckView,
  type CriterionScore,
  type ExamResultsView,
  type ItemAnalysisView,
  type ItemGradeView,
  type ListResult,
  type MyExamView,
  type PendingGradingItem,
  type QuestionImportResult,
  type TraineeQuestionView,
} from '@cascade/contracts';
import { httpClient } from './httpClient';

const id = (value: string) => encodeURIComponent(value);

export interface GradeBody {
  score: number;
  comment?: string;
  criteria?: CriterionScore[];
}

/**
 * The exam endpoints that are not plain react-admin CRUD: the bank's import and preview, the
 * blueprint check, a trainee's attempts, manual grading and the results. Called outside React
 * too (the answer queue), so these are plain functions rather than data provider methods.
 */
export const examApi = {
  async importQuestions(organizationId: string, file: File): Promise<QuestionImportResult> {
    const form = new FormData();
    form.append('organizationId', organizationId);
    form.append('file', file, file.name);
    return (await httpClient<QuestionImportResult>('/questions/import', { method: 'POST', body: form })).json;
  },

  async traineeView(questionId: string): Promise<TraineeQuestionView> {
    return (await httpClient<TraineeQuestionView>(`/questions/${id(questionId)}/trainee-view`)).json;
  },

  /** How many active questions one cell of a blueprint can draw from. */
  async activeQuestionCount(organizationId: string, businessProcess: string, difficulty: number): Promise<number> {
    const query = new URLSearchParams({
      organizationId,
      businessProcess,
      difficulty: String(difficulty),
      status: 'active',
      page: '1',
      perPage: '1',
    });
    return (await httpClient<ListResult<unknown>>(`/questions?${query}`)).json.total;
  },

  async blueprintCheck(examId: string): Promise<BlueprintCheckView> {
    return (await httpClient<BlueprintCheckView>(`/exams/${id(examId)}/blueprint-check`)).json;
  },

  async myExams(): Promise<MyExamView[]> {
    return (await httpClient<MyExamView[]>('/me/exams')).json;
  },

  /** Starts an attempt, or resumes the open one. */
  async startAttempt(examId: string): Promise<AttemptView> {
    return (await httpClient<AttemptView>(`/exams/${id(examId)}/attempts`, { method: 'POST', json: {} })).json;
  },

  async attempt(attemptId: string): Promise<AttemptView> {
    return (await httpClient<AttemptView>(`/attempts/${id(attemptId)}`)).json;
  },

  async saveAnswer(attemptId: string, questionId: string, response: unknown, seq: number): Promise<AnswerSaved> {
    return (
      await httpClient<AnswerSaved>(`/attempts/${id(attemptId)}/answers/${id(questionId)}`, {
        method: 'PUT',
        json: { response, seq },
      })
    ).json;
  },

  async submit(attemptId: string): Promise<AttemptView> {
    return (await httpClient<AttemptView>(`/attempts/${id(attemptId)}/submit`, { method: 'POST', json: {} })).json;
  },

  async pendingGrading(params: {
    examId?: string;
    page: number;
    perPage: number;
  }): Promise<ListResult<PendingGradingItem>> {
    const query = new URLSearchParams({
      page: String(params.page),
      perPage: String(Math.min(params.perPage, MAX_PER_PAGE)),
    });
    if (params.examId) query.set('examId', params.examId);
    return (await httpClient<ListResult<PendingGradingItem>>(`/grading/pending?${query}`)).json;
  },

  async grade(attemptId: string, questionId: string, body: GradeBody): Promise<ItemGradeView> {
    return (
      await httpClient<ItemGradeView>(`/attempts/${id(attemptId)}/answers/${id(questionId)}/grade`, {
        method: 'POST',
        json: body,
      })
    ).json;
  },

  async results(examId: string): Promise<ExamResultsView> {
    return (await httpClient<ExamResultsView>(`/exams/${id(examId)}/results`)).json;
  },

  async itemAnalysis(examId: string): Promise<ItemAnalysisView> {
    return (await httpClient<ItemAnalysisView>(`/exams/${id(examId)}/item-analysis`)).json;
  },
};

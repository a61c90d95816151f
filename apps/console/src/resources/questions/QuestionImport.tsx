import type { QuestionImportResult } from '@cascade/contracts';
import { examApi } from '../../providers/examApi';
import { SpreadsheetImport } from '../SpreadsheetImport';

/** The sheet's columns; the template names each in Chinese and English and explains its format. */
const COLUMNS = [
  { key: 'type', zh: '题型', required: true },
  { key: 'businessProcess', zh: '业务流程', required: true },
  { key: 'difficulty', zh: '难度', required: true },
  { key: 'points', zh: '分值', required: true },
  { key: 'stem', zh: '题干', required: true },
  { key: 'options', zh: '选项', required: false },
  { key: 'answer', zh: '答案', required: true },
  { key: 'scenario', zh: '案例', required: false },
  { key: 'tags', zh: '标签', required: false },
  { key: 'status', zh: '状态', required: false },
] as const;

/** Route `/questions/import`: all rows or none, with every bad row listed. */
export const QuestionImport = () => (
  <SpreadsheetImport<QuestionImportResult>
    resource="questions"
    texts="cascade.questions.import"
    columns={COLUMNS}
    upload={(organizationId, file) => examApi.importQuestions(organizationId, file)}
    createdOf={(result) =>
      result.questions.map((question) => ({
        id: question.id,
        link: `/questions/${question.id}/show`,
        label: question.stem,
      }))
    }
    template={{
      path: '/questions/import-template.xlsx',
      filename: 'question-import-template.xlsx',
      label: 'cascade.questions.import.template',
    }}
  />
);

import type { QuestionResponse as Response, TraineeQuestionView } from '@cascade/contracts';
import { EssayInput } from './EssayInput';
import { FillInInput } from './FillInInput';
import { MatchingInput } from './MatchingInput';
import { MultipleChoiceInput } from './MultipleChoiceInput';
import { OrderingInput } from './OrderingInput';
import { SingleChoiceInput } from './SingleChoiceInput';
import { TrueFalseInput } from './TrueFalseInput';

interface Props {
  question: TraineeQuestionView;
  /** As saved on the server (untyped there) or typed here: each input reads its own type's shape. */
  value: unknown;
  onChange: (value: unknown) => void;
  disabled?: boolean;
}

export const ResponseInput = ({ question, value, onChange, disabled }: Props) => {
  const common = { onChange, disabled };
  switch (question.type) {
    case 'single_choice':
      return <SingleChoiceInput question={question} value={value as Response<'single_choice'>} {...common} />;
    case 'multiple_choice':
      return <MultipleChoiceInput question={question} value={value as Response<'multiple_choice'>} {...common} />;
    case 'true_false':
      return <TrueFalseInput question={question} value={value as Response<'true_false'>} {...common} />;
    case 'fill_in':
      return <FillInInput question={question} value={value as Response<'fill_in'>} {...common} />;
    case 'ordering':
      return <OrderingInput question={question} value={value as Response<'ordering'>} {...common} />;
    case 'matching':
      return <MatchingInput question={question} value={value as Response<'matching'>} {...common} />;
    case 'essay':
      return <EssayInput question={question} value={value as Response<'essay'>} {...common} />;
  }
};

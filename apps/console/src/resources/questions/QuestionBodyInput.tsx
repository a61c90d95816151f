import type { QuestionType, TypedQuestionBody } from '@cascade/contracts';
import { Alert, Box, Typography } from '@mui/material';
import { FormDataConsumer, SelectInput, required, useInput, useTranslate } from 'react-admin';
import { questionTypeChoices } from '../examChoices';
import { ChoiceEditor } from './body/ChoiceEditor';
import { EssayEditor } from './body/EssayEditor';
import { FillInEditor } from './body/FillInEditor';
import { MatchingEditor } from './body/MatchingEditor';
import { OrderingEditor } from './body/OrderingEditor';
import { TrueFalseEditor } from './body/TrueFalseEditor';
import { defaultBody, type BodyOf } from './questionBody';

type Body = { content: unknown; key: unknown };

const Editor = ({
  type,
  body,
  points,
  onChange,
}: {
  type: QuestionType;
  body: Body;
  points?: number;
  onChange: (body: Body) => void;
}) => {
  switch (type) {
    case 'single_choice':
      return <ChoiceEditor body={body as BodyOf<'single_choice'>} onChange={onChange} />;
    case 'multiple_choice':
      return <ChoiceEditor multiple body={body as BodyOf<'multiple_choice'>} onChange={onChange} />;
    case 'true_false':
      return <TrueFalseEditor body={body as BodyOf<'true_false'>} onChange={onChange} />;
    case 'fill_in':
      return <FillInEditor body={body as BodyOf<'fill_in'>} onChange={onChange} />;
    case 'ordering':
      return <OrderingEditor body={body as BodyOf<'ordering'>} onChange={onChange} />;
    case 'matching':
      return <MatchingEditor body={body as BodyOf<'matching'>} onChange={onChange} />;
    case 'essay':
      return <EssayEditor body={body as BodyOf<'essay'>} onChange={onChange} points={points} />;
  }
};

/** Server messages about the options and key (e.g. `key.correct`), which have no input of their own. */
const BodyErrors = ({ errors }: { errors: (string | undefined)[] }) => {
  const shown = errors.filter(Boolean);
  if (shown.length === 0) return null;
  return (
    <Alert severity="error" sx={{ mt: 1 }}>
      {shown.map((message) => (
        <div key={message}>{message}</div>
      ))}
    </Alert>
  );
};

const messageOf = (error: unknown): string | undefined => {
  if (!error || typeof error !== 'object') return undefined;
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && message) return message;
  // Nested field errors (content.options.0.text) come as a tree.
  return Object.values(error).map(messageOf).filter(Boolean).join('; ');
};

/** The question's type with the editor of its options and answer key; a new type starts from a blank body. */
export const QuestionBodyInput = ({ typeLocked = false }: { typeLocked?: boolean }) => {
  const translate = useTranslate();
  const content = useInput({ source: 'content' });
  const key = useInput({ source: 'key' });

  const reset = (next: QuestionType) => {
    const body: TypedQuestionBody = defaultBody(next);
    content.field.onChange(body.content);
    key.field.onChange(body.key);
  };

  return (
    <Box sx={{ width: '100%' }}>
      <SelectInput
        source="type"
        choices={questionTypeChoices}
        validate={required()}
        disabled={typeLocked}
        onChange={(event) => reset(event.target.value as QuestionType)}
      />
      <FormDataConsumer<{ type?: QuestionType; points?: number }>>
        {({ formData: { type, points } }) =>
          type &&
          content.field.value &&
          key.field.value && (
            <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, mb: 2 }}>
              <Typography variant="subtitle2" sx={{ mb: 1 }}>
                {translate('cascade.questions.answer_key')}
              </Typography>
              <Editor
                type={type}
                body={{ content: content.field.value, key: key.field.value }}
                points={points === undefined || points === null ? undefined : Number(points)}
                onChange={(body) => {
                  content.field.onChange(body.content);
                  key.field.onChange(body.key);
                }}
              />
              <BodyErrors errors={[messageOf(content.fieldState.error), messageOf(key.fieldState.error)]} />
            </Box>
          )
        }
      </FormDataConsumer>
    </Box>
  );
};

import type { FeedbackItem } from '@cascade/contracts';
import { Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { PhoneFrame } from '../questions/PhoneFrame';
import { AnonymityNote } from '../../trainee/feedback/AnonymityNote';
import { feedbackPrompts, type FeedbackValues } from '../../trainee/feedback/feedbackAnswers';
import { FeedbackPromptCard } from '../../trainee/feedback/FeedbackPromptCard';

/** Stand-in trainers, so trainer items show up once per trainer as in a real session. */
const SAMPLE_TRAINER_KEYS = ['cascade.feedback_forms.sample_trainer_1', 'cascade.feedback_forms.sample_trainer_2'];

/** The form as a trainee's phone shows it; answers can be tried but go nowhere. */
export const FeedbackFormPreview = ({
  title,
  description,
  anonymous,
  items,
}: {
  title: string;
  description?: string | null;
  anonymous: boolean;
  items: FeedbackItem[];
}) => {
  const translate = useTranslate();
  const [values, setValues] = useState<FeedbackValues>({});
  const trainers = SAMPLE_TRAINER_KEYS.map((key, index) => ({ id: `sample-${index}`, name: translate(key) }));
  const prompts = feedbackPrompts(items, trainers);
  return (
    <PhoneFrame>
      <Stack spacing={1.5} data-testid="feedback-form-preview">
        <Typography variant="h6" component="h2" sx={{ fontWeight: 700, lineHeight: 1.3, overflowWrap: 'anywhere' }}>
          {title || translate('cascade.feedback_forms.untitled')}
        </Typography>
        {description && (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
            {description}
          </Typography>
        )}
        <AnonymityNote anonymous={anonymous} />
        {prompts.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate('cascade.feedback_forms.no_items')}
          </Typography>
        )}
        {prompts.map((prompt) => (
          <FeedbackPromptCard
            key={prompt.key}
            prompt={prompt}
            value={values[prompt.key]}
            onChange={(value) => setValues((current) => ({ ...current, [prompt.key]: value }))}
          />
        ))}
      </Stack>
    </PhoneFrame>
  );
};

import { Box, ButtonBase } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Numbered squares, filled when answered: where the trainee is and what is left. */
export const QuestionNavigator = ({
  answered,
  current,
  onSelect,
}: {
  answered: boolean[];
  current: number;
  onSelect: (index: number) => void;
}) => {
  const translate = useTranslate();
  return (
    <Box
      component="nav"
      aria-label={translate('cascade.attempt.navigator')}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75 }}
    >
      {answered.map((done, index) => (
        <ButtonBase
          key={index}
          onClick={() => onSelect(index)}
          aria-current={index === current ? 'step' : undefined}
          aria-label={translate(done ? 'cascade.attempt.go_answered' : 'cascade.attempt.go_unanswered', {
            number: index + 1,
          })}
          data-answered={done}
          sx={{
            width: 36,
            height: 36,
            borderRadius: 1,
            border: 2,
            fontWeight: 700,
            borderColor: index === current ? 'primary.dark' : done ? 'primary.main' : 'divider',
            bgcolor: done ? 'primary.main' : 'background.paper',
            color: done ? 'primary.contrastText' : 'text.primary',
          }}
        >
          {index + 1}
        </ButtonBase>
      ))}
    </Box>
  );
};

import { QuestionVersionView, ScenarioSnapshot, TypedQuestionBody } from '@cascade/contracts';
import { EntityManager } from 'typeorm';
import { QuestionVersion } from './question-version.entity';
import { Question } from './question.entity';
import { Scenario } from './scenario.entity';
import { FrozenQuestion } from './trainee-view';

/** What a version freezes: everything a trainee saw and everything their answer is graded against. */
type FrozenFields = Pick<QuestionVersion, 'type' | 'stem' | 'content' | 'key' | 'points' | 'scenarioId' | 'scenario'>;

export const scenarioSnapshot = (scenario: Scenario): ScenarioSnapshot => ({
  id: scenario.id,
  title: scenario.title,
  narrative: scenario.narrative,
  attachments: [...scenario.attachments],
});

function frozenFieldsOf(question: Question, scenario: Scenario | null): FrozenFields {
  return {
    type: question.type,
    stem: question.stem,
    content: question.content,
    key: question.key,
    points: question.points,
    scenarioId: scenario?.id ?? null,
    scenario: scenario ? scenarioSnapshot(scenario) : null,
  };
}

function storedFieldsOf(version: QuestionVersion): FrozenFields {
  const { type, stem, content, key, points, scenarioId, scenario } = version;
  return { type, stem, content, key, points, scenarioId, scenario };
}

/** JSON with object keys sorted: PostgreSQL's jsonb hands keys back in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : inner,
  );
}

/**
 * Keeps the current version equal to the question: an unused one is rewritten, a used one kept
 * and the next started, bumping `question.version` (the caller saves the question).
 */
export async function syncCurrentVersion(
  manager: EntityManager,
  question: Question,
  scenario: Scenario | null,
  current: QuestionVersion | undefined,
): Promise<QuestionVersion> {
  const frozen = frozenFieldsOf(question, scenario);
  if (current && canonical(storedFieldsOf(current)) === canonical(frozen)) return current;
  if (current && !current.usedAt) return manager.save(Object.assign(current, frozen));
  if (current) question.version = current.version + 1;
  return manager.save(
    manager.create(QuestionVersion, {
      questionId: question.id,
      organizationId: question.organizationId,
      version: question.version,
      ...frozen,
      usedAt: null,
    }),
  );
}

export function toVersionView(version: QuestionVersion): QuestionVersionView {
  return {
    id: version.id,
    questionId: version.questionId,
    version: version.version,
    type: version.type,
    stem: version.stem,
    content: version.content,
    key: version.key,
    points: version.points,
    scenario: version.scenario,
    usedAt: version.usedAt?.toISOString() ?? null,
    createdAt: version.createdAt.toISOString(),
  } as QuestionVersionView;
}

export function toFrozenQuestion(version: QuestionVersion): FrozenQuestion {
  return {
    questionId: version.questionId,
    version: version.version,
    stem: version.stem,
    points: version.points,
    scenario: version.scenario,
    ...({ type: version.type, content: version.content, key: version.key } as TypedQuestionBody),
  };
}

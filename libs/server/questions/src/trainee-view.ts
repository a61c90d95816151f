import { QuestionContent, ScenarioSnapshot, TraineeQuestionView, TypedQuestionBody } from '@cascade/contracts';
import { createHash } from 'node:crypto';
import { traineeContent } from './question-types';

export type FrozenQuestion = TypedQuestionBody & {
  questionId: string;
  version: number;
  stem: string;
  points: number;
  scenario: ScenarioSnapshot | null;
};

export interface TraineeViewOptions {
  /**
   * What the order follows from, an attempt's id say: the same sitting shows each question in
   * the same order on every reload, and its questions are shuffled independently of each other.
   */
  sitting?: string;
  /** The exam's setting: whether choice options leave the author's order too. */
  shuffleOptions?: boolean;
}

/**
 * What a trainee may see of a question: stem, type, content, points and the scenario.
 * Built field by field, never by copying and deleting, so nothing of the key can slip through.
 * Ordering items and the right-hand side of a matching question are always shuffled (their
 * authored order is usually the key); choice options only when the exam asks for it.
 */
export function toTraineeView(question: FrozenQuestion, options: TraineeViewOptions = {}): TraineeQuestionView {
  const seed = `${options.sitting ?? `preview:${question.version}`}:${question.questionId}`;
  return {
    questionId: question.questionId,
    version: question.version,
    type: question.type,
    stem: question.stem,
    content: arrange(question, seed, options.shuffleOptions ?? false),
    points: question.points,
    scenario: question.scenario
      ? {
          title: question.scenario.title,
          narrative: question.scenario.narrative,
          attachments: [...question.scenario.attachments],
        }
      : null,
  } as TraineeQuestionView;
}

function arrange(question: FrozenQuestion, seed: string, shuffleOptions: boolean): QuestionContent {
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const { options } = traineeContent(question.type, question.content);
      return { options: shuffleOptions ? seededShuffle(options, seed) : options };
    }
    case 'ordering':
      return { items: seededShuffle(traineeContent('ordering', question.content).items, seed) };
    case 'matching': {
      const { left, right } = traineeContent('matching', question.content);
      return { left, right: seededShuffle(right, seed) };
    }
    default:
      return traineeContent(question.type, question.content);
  }
}

/**
 * Fisher–Yates driven by the seed: the same seed always gives the same order, and over seeds
 * every order, the authored one included, is equally likely. Leaving any order out would
 * itself tell a trainee something about the key.
 */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const next = seededWords(seed);
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = uniformBelow(next, i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled;
}

/** Uniform 32-bit words: SHA-256 of the seed and a block counter, eight words a block. */
function seededWords(seed: string): () => number {
  let block = 0;
  let words = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset >= words.length) {
      words = createHash('sha256').update(`${seed}\u0000${block++}`).digest();
      offset = 0;
    }
    const word = words.readUInt32BE(offset);
    offset += 4;
    return word;
  };
}

/** A uniform integer in [0, bound): words from the incomplete last stretch would favour small values, so they are redrawn. */
function uniformBelow(next: () => number, bound: number): number {
  const limit = 2 ** 32 - (2 ** 32 % bound);
  for (;;) {
    const word = next();
    if (word < limit) return word % bound;
  }
}

import { Locale, PASSWORD_MIN_LENGTH, PASSWORD_MIN_SCORE, PasswordProblemCode } from '@cascade/contracts';
import { UnprocessableError } from '@cascade/server/core';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

export type PasswordWeakness = Extract<PasswordProblemCode, 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_WEAK'>;

const MESSAGES: Record<PasswordWeakness, Record<Locale, string>> = {
  PASSWORD_TOO_SHORT: {
    'zh-CN': `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`,
    en: `must have at least ${PASSWORD_MIN_LENGTH} characters`,
  },
  PASSWORD_TOO_WEAK: {
    'zh-CN': '密码太容易被猜到，请使用由几个不相关的词组成的更长密码',
    en: 'is too easy to guess; use a longer phrase of several unrelated words',
  },
};

// The dictionaries take a moment to load: once, on first use, not at every start.
let estimator: ZxcvbnFactory | null = null;
const strength = () =>
  (estimator ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  }));

/**
 * Why a password someone chose is not good enough, or null. `related` are words an attacker
 * would try first for this person (their email, their name).
 */
export function passwordWeakness(password: string, related: string[] = []): PasswordWeakness | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'PASSWORD_TOO_SHORT';
  const inputs = related.flatMap((word) => word.toLowerCase().split(/[@.\s_-]+/)).filter((w) => w.length >= 3);
  return strength().check(password, inputs).score < PASSWORD_MIN_SCORE ? 'PASSWORD_TOO_WEAK' : null;
}

export function passwordWeaknessMessage(weakness: PasswordWeakness, locale: Locale): string {
  return MESSAGES[weakness][locale] ?? MESSAGES[weakness].en;
}

/** Refuses a weak password with 422, naming `field`, in the language of whoever reads it. */
export function assertStrongPassword(password: string, field: string, locale: Locale, related: string[] = []): void {
  const weakness = passwordWeakness(password, related);
  if (!weakness) return;
  const message = passwordWeaknessMessage(weakness, locale);
  throw new UnprocessableError(weakness, `${field}: ${message}`, [{ field, message }]);
}

import { passwordWeakness, passwordWeaknessMessage } from './password-strength';

describe('passwordWeakness', () => {
  it('refuses short passwords whatever they contain', () => {
    expect(passwordWeakness('Xq7!vR2#p')).toBe('PASSWORD_TOO_SHORT');
  });

  it('refuses long but guessable ones', () => {
    expect(passwordWeakness('password1234')).toBe('PASSWORD_TOO_WEAK');
    expect(passwordWeakness('qwertyuiop')).toBe('PASSWORD_TOO_WEAK');
  });

  it('counts the person’s own name and email as guessable', () => {
    expect(passwordWeakness('zhangweilihua')).toBeNull();
    expect(passwordWeakness('zhangweilihua', ['zhangwei.lihua@example.test'])).toBe('PASSWORD_TOO_WEAK');
  });

  it('accepts a phrase of unrelated words', () => {
    expect(passwordWeakness('Plum-Harbor-Lantern-42')).toBeNull();
  });

  it('words the refusal in either language', () => {
    expect(passwordWeaknessMessage('PASSWORD_TOO_SHORT', 'zh-CN')).toContain('10');
    expect(passwordWeaknessMessage('PASSWORD_TOO_WEAK', 'en')).toMatch(/guess/);
  });
});

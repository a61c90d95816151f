import { describe, expect, it } from '@jest/globals';
import { localProblems, toFormProblems } from './passwordForm';

describe('password form', () => {
  it('asks for ten characters, then for the same password twice', () => {
    expect(localProblems('short', 'short')).toEqual({ newPassword: 'too_short' });
    expect(localProblems('Plum-Harbor-Lantern-42', 'Plum-Harbor-Lantern-4')).toEqual({ confirmation: 'mismatch' });
    expect(localProblems('Plum-Harbor-Lantern-42', 'Plum-Harbor-Lantern-42')).toEqual({});
  });

  it('puts the server’s messages beside their fields', () => {
    const error = Object.assign(new Error('newPassword: 太容易被猜到'), {
      status: 422,
      body: { fieldErrors: [{ field: 'newPassword', message: '太容易被猜到' }] },
    });
    expect(toFormProblems(error, 'failed')).toEqual({ fields: { newPassword: '太容易被猜到' }, form: null });
    expect(toFormProblems(new Error(''), 'failed')).toEqual({ fields: {}, form: 'failed' });
  });
});

import { describe, expect, it } from '@jest/globals';
import { outcomeOf } from './checkInOutcome';

describe('check-in outcome', () => {
  it('asks for the code again after a wrong one', () => {
    expect(outcomeOf({ status: 422, message: 'wrong', body: { code: 'CHECK_IN_CODE_INVALID' } }, 'x')).toEqual({
      kind: 'bad_code',
      detail: 'wrong',
    });
    expect(outcomeOf({ status: 400, message: 'code: must be a string', body: {} }, 'x').kind).toBe('bad_code');
  });

  it('says how long to wait after too many wrong codes', () => {
    expect(outcomeOf({ status: 429, message: 'slow down', body: { retryAfter: 42 } }, 'x')).toEqual({
      kind: 'wait',
      seconds: 42,
    });
    expect(outcomeOf({ status: 429, message: 'slow down' }, 'x')).toEqual({ kind: 'wait', seconds: 60 });
  });

  it('sends a person locked out to the trainer', () => {
    expect(outcomeOf({ status: 403, message: 'closed', body: { code: 'CHECK_IN_LOCKED' } }, 'x')).toEqual({
      kind: 'locked',
    });
  });

  it('tells a trainer of the session that trainers do not check in, instead of asking for the code', () => {
    expect(
      outcomeOf(
        { status: 422, message: 'trainers of this session cannot attend it', body: { code: 'ENROLLEE_IS_TRAINER' } },
        'x',
      ),
    ).toEqual({ kind: 'failed', detail: 'trainers of this session cannot attend it' });
  });

  it('shows the window when check-in is closed, and the fallback without an answer', () => {
    expect(
      outcomeOf(
        { status: 409, message: 'closed', body: { opensAt: 'a', closesAt: 'b', code: 'CHECK_IN_CLOSED' } },
        'x',
      ),
    ).toEqual({ kind: 'outside_window', detail: 'closed', opensAt: 'a', closesAt: 'b' });
    expect(outcomeOf(null, 'network')).toEqual({ kind: 'failed', detail: 'network' });
  });
});

import { NOTIFICATION_EVENTS } from '@cascade/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { NotificationPreferencesDto } from './notification-preferences.dto';

// A new event needs a property in EmailChoicesDto too, or users could never turn its email off.
describe('notification preferences body', () => {
  const check = (body: unknown) =>
    validateSync(plainToInstance(NotificationPreferencesDto, body) as object, {
      whitelist: true,
      forbidNonWhitelisted: true,
    });

  it('accepts a choice for every event', () => {
    expect(check({ email: Object.fromEntries(NOTIFICATION_EVENTS.map((e) => [e, false])) })).toEqual([]);
  });

  it('refuses unknown events and non-boolean choices', () => {
    expect(check({ email: { 'made.up': true } })).not.toEqual([]);
    expect(check({ email: { 'exam.assigned': 'yes' } })).not.toEqual([]);
    expect(check({})).not.toEqual([]);
  });
});

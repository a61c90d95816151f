import { NOTIFICATION_EVENTS } from '@cascade/contracts';

export const eventChoices = NOTIFICATION_EVENTS.map((id) => ({ id, name: `cascade.events.${id}` }));

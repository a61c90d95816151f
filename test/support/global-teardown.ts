import { dropTemplateDatabase } from '@cascade/server/testing';

export default async function globalTeardown(): Promise<void> {
  await dropTemplateDatabase();
}

import 'reflect-metadata';
import { createTemplateDatabase } from '@cascade/server/testing';

export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  await createTemplateDatabase();
}

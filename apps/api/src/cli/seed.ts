import 'reflect-metadata';
import { loadConfig } from '@cascade/server/config';
import { createApi } from '@cascade/server/api';

/** `npm run seed`: migrates, then creates the demo data if the database is empty. */
async function main(): Promise<void> {
  const config = { ...loadConfig(), logLevel: 'warn', processRole: 'api' as const };
  const api = await createApi(config, { seed: true });
  await api.close();
  console.log('Demo data is in place');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

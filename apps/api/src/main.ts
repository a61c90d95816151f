import 'reflect-metadata';
import { ConfigError, loadConfig } from '@cascade/server/config';
import { Logger } from 'nestjs-pino';
import { createApi } from '@cascade/server/api';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const api = await createApi(config);
  await api.app.listen({ port: config.port, host: config.host });
  api.app.get(Logger).log(`Listening on ${config.publicUrl}`, 'Bootstrap');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      api.close().finally(() => process.exit(0));
    });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

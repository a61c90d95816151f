import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly, kept in a folder, reached over a local socket so
 * the ordinary pg driver (and TypeORM) talk to it exactly as to a server.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  maxConnections: number,
  options: { searchPath?: string } = {},
): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  // PGlite is one backend session shared by every socket connection, so connection-level
  // settings sent by clients do not stick; set them on the session itself.
  if (options.searchPath) await db.exec(`SET search_path TO ${options.searchPath}`);
  // The pool must never hold more connections than the socket server accepts.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const [, port] = server.getServerConn().split(':');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

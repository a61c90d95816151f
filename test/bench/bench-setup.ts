import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** Calls the api as `token` and returns the JSON answer; anything but 2xx stops the bench. */
export async function json(
  baseUrl: string,
  path: string,
  token: string,
  init: { method?: string; body?: object } = {},
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const body = await response.json();
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * A vendor admin who also trains, assigned to one client, and `count` trainees of that
 * client, written straight to the database: setting up a room is not what a bench measures.
 */
export async function seedPeople(url: string, count: number) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const vendor = randomUUID();
    const clientOrg = randomUUID();
    const admin = randomUUID();
    await client.query(
      `INSERT INTO organization (id, name, kind) VALUES ($1, 'Bench vendor', 'vendor'), ($2, 'Bench client', 'client')`,
      [vendor, clientOrg],
    );
    await client.query(
      `INSERT INTO app_user (id, organization_id, email, name, roles) VALUES ($1, $2, 'bench-admin@example.test', 'Bench admin', '{admin,trainer}')`,
      [admin, vendor],
    );
    await client.query(`INSERT INTO trainer_assignment (trainer_id, organization_id) VALUES ($1, $2)`, [
      admin,
      clientOrg,
    ]);
    const trainees = Array.from({ length: count }, () => randomUUID());
    await client.query(
      `INSERT INTO app_user (id, organization_id, email, name, roles)
       SELECT id, $2, 'trainee-' || ord || '@example.test', '学员 ' || ord, '{trainee}' FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)`,
      [trainees, clientOrg],
    );
    return { admin, clientOrg, trainees };
  } finally {
    await client.end();
  }
}

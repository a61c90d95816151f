import { INestApplicationContext } from '@nestjs/common';
import { RequestContext } from '@cascade/server/core';
import { Department, hashPassword, Organization, User, UsersService } from '@cascade/server/identity';
import { DataSource, EntityManager } from 'typeorm';
import { seedDemoTraining } from './demo-training';
import { CLIENT, CLIENT_USERS, DemoUser, DEMO_PASSWORD, DEPARTMENTS, VENDOR, VENDOR_USERS } from './demo-data';

/**
 * Creates the demo vendor, client, departments and users on an empty database.
 * Idempotent: returns false and changes nothing when any organization exists.
 */
export async function seedDemoData(app: INestApplicationContext): Promise<boolean> {
  const dataSource = app.get(DataSource);
  const users = app.get(UsersService);
  const created = await RequestContext.runAsSystem(() =>
    dataSource.transaction(async (manager) => {
      // Serialises concurrent seeders (two replicas starting on an empty database).
      await manager.query('SELECT pg_advisory_xact_lock(727275)');
      if ((await manager.count(Organization)) > 0) return false;
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      const vendor = await manager.save(manager.create(Organization, VENDOR));
      const client = await manager.save(manager.create(Organization, CLIENT));
      const departmentIds = new Map<string, string>();
      for (const d of DEPARTMENTS) {
        const saved = await manager.save(
          manager.create(Department, { organizationId: client.id, name: d.name, parentId: null, managerId: null }),
        );
        departmentIds.set(d.key, saved.id);
      }
      const toInput = (u: DemoUser, trainerClients: string[] = []) => ({
        organizationId: '',
        email: u.email,
        name: u.name,
        roles: u.roles,
        departmentId: u.department ? departmentIds.get(u.department) : null,
        isKeyUser: u.isKeyUser ?? false,
        attitude: u.attitude ?? null,
        locale: u.locale ?? 'zh-CN',
        passwordHash,
        assignedOrganizationIds: u.roles.includes('trainer') ? trainerClients : [],
      });
      await users.createMany(
        manager,
        vendor,
        VENDOR_USERS.map((u) => toInput(u, [client.id])),
      );
      await users.createMany(
        manager,
        client,
        CLIENT_USERS.map((u) => toInput(u)),
      );
      await assignDepartmentManagers(manager, departmentIds);
      return true;
    }),
  );
  if (!created) return false;
  const ids: Record<string, string> = {};
  for (const user of await dataSource.getRepository(User).find({ select: { id: true, email: true } }))
    ids[user.email] = user.id;
  ids.client = (await dataSource.getRepository(Organization).findOneByOrFail({ name: CLIENT.name })).id;
  try {
    await seedDemoTraining(app, ids);
  } catch (error) {
    // Without its training the demo is half there: remove it all so the next start seeds again.
    const tables: { tablename: string }[] = await dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
    );
    await dataSource.query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`);
    throw error;
  }
  return true;
}

async function assignDepartmentManagers(manager: EntityManager, departmentIds: Map<string, string>): Promise<void> {
  for (const d of DEPARTMENTS) {
    const head = await manager.findOneByOrFail(User, { email: d.manager });
    const department = await manager.findOneByOrFail(Department, { id: departmentIds.get(d.key) });
    department.managerId = head.id;
    await manager.save(department);
  }
}

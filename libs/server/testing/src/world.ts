import { randomUUID } from 'node:crypto';
import { Role } from '@cascade/contracts';
import { RequestContext } from '@cascade/server/core';
import { Department, hashPassword, Organization, UsersService } from '@cascade/server/identity';
import { TestApi, TEST_PASSWORD } from './test-api';

export interface WorldUser {
  id: string;
  email: string;
  organizationId: string;
}

export interface World {
  vendor: Organization;
  clientA: Organization;
  clientB: Organization;
  departmentA: Department;
  departmentB: Department;
  admin: WorldUser;
  trainerA: WorldUser;
  trainerB: WorldUser;
  managerA: WorldUser;
  managerB: WorldUser;
  traineeA: WorldUser;
  traineeA2: WorldUser;
  traineeB: WorldUser;
}

/**
 * A vendor with two clients, A and B, each with a department, a manager and trainees,
 * and one vendor trainer assigned to each client. Every password is TEST_PASSWORD.
 */
export async function createWorld(api: TestApi, tag = Math.random().toString(36).slice(2, 8)): Promise<World> {
  const users = api.app.get(UsersService);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  return RequestContext.runAsSystem(() =>
    api.dataSource.transaction(async (manager) => {
      const org = (name: string, kind: 'vendor' | 'client') =>
        manager.save(manager.create(Organization, { name: `${name} ${tag}`, kind, industry: null }));
      const vendor = await org('Vendor', 'vendor');
      const clientA = await org('Client A', 'client');
      const clientB = await org('Client B', 'client');
      const dept = (o: Organization, name: string) =>
        manager.save(manager.create(Department, { organizationId: o.id, name, parentId: null, managerId: null }));
      const departmentA = await dept(clientA, '采购部');
      const departmentB = await dept(clientB, '采购部');
      const make = async (o: Organization, key: string, roles: Role[], extra: Record<string, unknown> = {}) => {
        const [view] = await users.createMany(manager, o, [
          { organizationId: o.id, email: `${key}.${tag}@example.test`, name: key, roles, passwordHash, ...extra },
        ]);
        return { id: view.id, email: view.email, organizationId: o.id };
      };
      // Each client's manager heads its department, as the demo's do.
      const managerA = await make(clientA, 'manager-a', ['manager'], { departmentId: departmentA.id });
      const managerB = await make(clientB, 'manager-b', ['manager'], { departmentId: departmentB.id });
      await manager.update(Department, { id: departmentA.id }, { managerId: managerA.id });
      await manager.update(Department, { id: departmentB.id }, { managerId: managerB.id });
      departmentA.managerId = managerA.id;
      departmentB.managerId = managerB.id;
      return {
        vendor,
        clientA,
        clientB,
        departmentA,
        departmentB,
        admin: await make(vendor, 'admin', ['admin']),
        trainerA: await make(vendor, 'trainer-a', ['trainer'], { assignedOrganizationIds: [clientA.id] }),
        trainerB: await make(vendor, 'trainer-b', ['trainer'], { assignedOrganizationIds: [clientB.id] }),
        managerA,
        managerB,
        traineeA: await make(clientA, 'trainee-a', ['trainee'], { departmentId: departmentA.id, isKeyUser: true }),
        traineeA2: await make(clientA, 'trainee-a2', ['trainee'], { departmentId: departmentA.id }),
        traineeB: await make(clientB, 'trainee-b', ['trainee'], { departmentId: departmentB.id }),
      };
    }),
  );
}

export interface NewClientUser {
  name: string;
  roles?: Role[];
  /** Client A's department unless given (null: none). */
  departmentId?: string | null;
  isKeyUser?: boolean;
}

/** More users of client A, created as an import creates them; every password is TEST_PASSWORD. */
export async function addClientUsers(
  api: TestApi,
  world: World,
  people: NewClientUser[],
): Promise<(WorldUser & { name: string })[]> {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const clientA = await api.dataSource.getRepository(Organization).findOneByOrFail({ id: world.clientA.id });
  const made = await RequestContext.runAsSystem(() =>
    api.dataSource.transaction((manager) =>
      api.app.get(UsersService).createMany(
        manager,
        clientA,
        people.map((person) => ({
          organizationId: clientA.id,
          email: `${randomUUID().slice(0, 12)}@example.test`,
          name: person.name,
          roles: person.roles ?? ['trainee'],
          departmentId: person.departmentId === undefined ? world.departmentA.id : person.departmentId,
          isKeyUser: person.isKeyUser ?? false,
          passwordHash,
        })),
      ),
    ),
  );
  return made.map((user) => ({ id: user.id, email: user.email, organizationId: clientA.id, name: user.name }));
}

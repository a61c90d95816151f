import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { permissionTable, renderPermissionTable } from './permission-table';

const DOC = join(__dirname, '../../../docs/permissions.md');

describe('the permission table', () => {
  it('is what docs/permissions.md shows', () => {
    const rendered = renderPermissionTable();
    if (process.env.UPDATE_PERMISSIONS_DOC) writeFileSync(DOC, rendered);
    expect(readFileSync(DOC, 'utf8')).toBe(rendered);
  });

  const outcome = (label: string) => permissionTable().find(({ row }) => row.label === label)!.allowed;

  it('keeps keys, results and grading from whoever sits the exam', () => {
    for (const label of [
      'Read a question of the bank, with its key',
      'Edit the exam or its overrides',
      'Read everyone’s named results and the item analysis',
      'Release the results',
      'Grade an attempt of the exam',
      'Read another person’s attempt',
    ]) {
      expect({ label, allowed: outcome(label).internalAssigned }).toEqual({ label, allowed: false });
      expect({ label, allowed: outcome(label).trainee }).toEqual({ label, allowed: false });
    }
    expect(outcome('Grade an attempt of the exam')).toMatchObject({
      internalFree: true,
      vendorServing: true,
      admin: true,
    });
  });

  it('gives a lapsed qualification nothing, and managers no keys and only their departments', () => {
    const lapsed = permissionTable()
      .filter(({ allowed }) => allowed.internalExpired)
      .map(({ row }) => row.label);
    expect(lapsed).toEqual(['Start an attempt on an exam assigned to them']);
    expect(outcome('Read a question of the bank, with its key')).toMatchObject({
      managerOfDept: false,
      managerOther: false,
    });
    expect(outcome('Read the named results of the purchasing department')).toMatchObject({
      managerOfDept: true,
      managerOther: false,
    });
    expect(outcome('Name a department’s manager')).toMatchObject({ admin: true, managerOfDept: false });
    expect(outcome('Revoke a qualification')).toMatchObject({
      admin: true,
      vendorServing: true,
      vendorOther: false,
      internalFree: false,
      managerOfDept: false,
    });
  });
});

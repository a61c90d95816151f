import { ATTITUDES, LOCALES, ORGANIZATION_KINDS, ROLES } from '@cascade/contracts';

// Choice names are translation keys; react-admin inputs and fields translate them.
export const roleChoices = ROLES.map((id) => ({ id, name: `cascade.roles.${id}` }));
export const organizationKindChoices = ORGANIZATION_KINDS.map((id) => ({ id, name: `cascade.kinds.${id}` }));
export const attitudeChoices = ATTITUDES.map((id) => ({ id, name: `cascade.attitudes.${id}` }));
export const localeChoices = LOCALES.map((id) => ({ id, name: `cascade.locales.${id}` }));
export const auditActionChoices = (['create', 'update', 'delete'] as const).map((id) => ({
  id,
  name: `cascade.audit.action.${id}`,
}));
/** For filters on boolean columns; query strings carry booleans as text. */
export const yesNoChoices = [
  { id: 'true', name: 'cascade.boolean.yes' },
  { id: 'false', name: 'cascade.boolean.no' },
];

/** Reference inputs list their options alphabetically (react-admin's default is id DESC). */
export const BY_NAME = { field: 'name', order: 'ASC' } as const;

import { regex } from 'react-admin';

/** The API accepts only absolute http(s) links for materials and meeting rooms. */
export const httpUrl = regex(/^https?:\/\/\S+$/, 'cascade.validation.http_url');

const valueAt = (values: unknown, path: string) =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);

/**
 * Required only when the material is of that kind. Switching the kind unmounts the other input,
 * but its rule stays in the form, so the rule itself looks at the sibling `kind`.
 */
export const requiredForMaterialKind =
  (kind: 'link' | 'file') => (value: unknown, values: unknown, props: { finalSource?: string }) => {
    const kindPath = props.finalSource?.replace(/\.[^.]+$/, '.kind');
    if (!kindPath || valueAt(values, kindPath) !== kind) return undefined;
    return value === undefined || value === null || value === '' ? 'ra.validation.required' : undefined;
  };

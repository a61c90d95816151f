/** Entities whose writes are recorded in the audit log, with fields never to copy there. */
const auditedEntities = new Map<Function, { redact: string[] }>();

export function Audited(options: { redact?: string[] } = {}): ClassDecorator {
  return (target) => {
    auditedEntities.set(target, { redact: options.redact ?? [] });
  };
}

export function auditPolicy(target: Function | string): { redact: string[] } | undefined {
  return typeof target === 'string' ? undefined : auditedEntities.get(target);
}

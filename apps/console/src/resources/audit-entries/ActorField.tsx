import type { AuditEntryView } from '@cascade/contracts';
import { ReferenceField, useRecordContext, useTranslate } from 'react-admin';

/** The user who made the change, or "System" for changes without an actor. */
export const ActorField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<AuditEntryView>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.actorId) return <span>{translate('cascade.audit.system')}</span>;
  return <ReferenceField source="actorId" reference="users" />;
};

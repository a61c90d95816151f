/** Certificates: issued for a reached qualification or a passed certification exam. */
export const CERTIFICATE_KINDS = ['qualification', 'exam'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** valid: in force; expired: past its expiry; revoked: withdrawn (revocation wins over expiry). */
export type CertificateStatus = 'valid' | 'expired' | 'revoked';

export interface CertificateView {
  id: string;
  kind: CertificateKind;
  /** The qualification or the exam attempt it certifies. */
  sourceId: string;
  userId: string;
  holderName: string;
  organizationId: string;
  title: string;
  code: string;
  /** `<PUBLIC_URL>/verify/<code>`, what the QR code on the PDF points to. */
  verifyUrl: string;
  status: CertificateStatus;
  achievedAt: string;
  expiresAt: string | null;
  issuedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

/** What anyone holding a code may learn: nothing that identifies records or the client's internals. */
export interface CertificateVerification {
  status: CertificateStatus;
  holderName: string;
  title: string;
  kind: CertificateKind;
  issuedAt: string;
  achievedAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** One person in the cascade of who trained whom. */
export interface LineageNode {
  userId: string;
  name: string;
  /** vendor: a vendor consultant; internal_trainer: a client user who led sessions; end_user: trained only. */
  level: 'vendor' | 'internal_trainer' | 'end_user';
  /** Depth in the tree, 0 for vendor consultants. */
  depth: number;
  isKeyUser: boolean;
  /** Sessions this person led for the organization (sessions that have started). */
  sessionsLed: number;
  /** Sessions this person attended as a trainee in the organization. */
  sessionsAttended: number;
  /** When the lead they hang under first trained them; null at the roots. */
  firstTrainedAt: string | null;
  children: LineageNode[];
}

export interface CascadeLineage {
  organizationId: string;
  roots: LineageNode[];
  /** People per level, each person counted once. */
  counts: { vendor: number; internal_trainer: number; end_user: number };
}

export interface CoverageByProcess {
  businessProcess: string;
  /** Client users holding a qualification in force on a track covering this process. */
  qualifiedTrainers: { userId: string; name: string; expiresAt: string | null }[];
  targetUsers: number;
  targetUsersTrained: number;
  /** Of the trained target users, those trained at least once by an internal trainer. */
  trainedByInternal: number;
  /** trainedByInternal / targetUsersTrained, 0 when nobody is trained yet. */
  internalShare: number;
  /** targetUsersTrained / targetUsers. */
  trainedShare: number;
}

export interface CoverageByMonth {
  /** YYYY-MM in UTC. */
  month: string;
  sessions: number;
  ledByInternal: number;
  internalShare: number;
}

export interface CascadeCoverage {
  organizationId: string;
  processes: CoverageByProcess[];
  months: CoverageByMonth[];
}

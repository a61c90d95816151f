/** Fields of an `application/problem+json` answer (RFC 9457). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Stable machine-readable code of a domain error, e.g. `PLAN_NOT_CONFIRMABLE`. */
  code?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface FieldError {
  field: string;
  message: string;
}

/** Codes every feature's errors map to; one filter turns them into HTTP statuses. */
export enum ErrorCode {
  InvalidArgument = 'invalid_argument',
  NotFound = 'not_found',
  /** The request clashes with the current state: the id exists, the record is referenced. */
  Conflict = 'conflict',
  /** The request body is larger than the endpoint takes. */
  PayloadTooLarge = 'payload_too_large',
  /** The body's Content-Type is not one the endpoint reads. */
  UnsupportedMediaType = 'unsupported_media_type',
  ResultTooLarge = 'result_too_large',
  Unavailable = 'unavailable',
  /** No credentials, or credentials that are wrong, revoked or expired. */
  Unauthenticated = 'unauthenticated',
  /** Authenticated, but the role does not allow it. */
  Forbidden = 'forbidden',
  /** Too many failed authentications from this address: try again later. */
  TooManyRequests = 'too_many_requests',
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * The one table of error codes and HTTP statuses (API.md "Conventions"). Domain code throws a
 * `Problem`; the HTTP layer renders it as RFC 9457 problem details.
 */
export const PROBLEM_STATUS = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'not-acceptable': 406,
  'duplicate-conflict': 409,
  'version-conflict': 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  internal: 500,
  'not-ready': 503,
} as const;

export type ProblemCode = keyof typeof PROBLEM_STATUS;

const TITLES: Record<ProblemCode, string> = {
  validation: 'The request is invalid',
  unauthenticated: 'Authentication required',
  forbidden: 'Not allowed for this key',
  'not-found': 'Not found',
  'not-acceptable': 'No acceptable representation',
  'duplicate-conflict': 'An event with this source and id already exists with other content',
  'version-conflict': 'Version conflict',
  'payload-too-large': 'Payload too large',
  'unsupported-media-type': 'Unsupported media type',
  'rate-limited': 'Too many requests',
  internal: 'Internal error',
  'not-ready': 'Not ready',
};

/** One invalid field of a rejected request: an entry of the problem details' `errors`. */
export interface FieldProblem {
  /** The event's position, when the request is a batch. */
  index?: number;
  /** Dotted from the event root (`data.scope.fields.2`); '' for the whole body or event. */
  path: string;
  /** Names the field and what it must be; never the value it had. */
  message: string;
}

export class Problem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: FieldProblem[],
  ) {
    super(detail);
  }

  get status(): number {
    return PROBLEM_STATUS[this.code];
  }

  get title(): string {
    return TITLES[this.code];
  }

  toJSON(): Record<string, unknown> {
    return {
      type: `urn:compliance-ledger:problem:${this.code}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

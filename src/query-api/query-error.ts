/**
 * An error of the AWS Query protocol (STS, IAM): `<ErrorResponse>` with Type, Code and Message,
 * and the RequestId outside `<Error>` (../shared/spec/sts-iam.md §1.1).
 */
export class QueryApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly type: 'Sender' | 'Receiver';
  /** Set for errors of the protocol envelope itself (InvalidAction): the generic AWSFault namespace. */
  readonly genericFault: boolean;
  readonly reason: string | undefined;

  constructor(status: number, code: string, message: string, options: { genericFault?: boolean; reason?: string } = {}) {
    super(message);
    this.name = 'QueryApiError';
    this.status = status;
    this.code = code;
    this.type = status >= 500 ? 'Receiver' : 'Sender';
    this.genericFault = options.genericFault ?? false;
    this.reason = options.reason;
  }
}

/** `1 validation error detected: Value 'x' at 'roleArn' failed to satisfy constraint: …` */
export function validationError(items: readonly string[]): QueryApiError {
  const count = items.length === 1 ? '1 validation error detected' : `${items.length} validation errors detected`;
  return new QueryApiError(400, 'ValidationError', `${count}: ${items.join('; ')}`);
}

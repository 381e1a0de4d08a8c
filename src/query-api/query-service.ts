/**
 * A Query-protocol service (STS, IAM) as data: its version, XML namespace and actions. Each
 * action declares whether it is called unsigned (AssumeRoleWithWebIdentity) and returns the
 * children of its `<ActionResult>` element, or undefined for actions without output.
 */
import type { Authentication } from '../auth/authentication.ts';
import type { Clock } from '../lib/clock.ts';
import type { S3Request } from '../s3/s3-request.ts';
import type { QueryParameters } from './query-request.ts';
import type { XmlElement } from './query-xml.ts';

export interface QueryContext {
  req: S3Request;
  params: QueryParameters;
  /** Signed (by this service's scope), or anonymous for unsigned actions. */
  auth: Authentication;
  clock: Clock;
  /** The UUID that goes into ResponseMetadata/RequestId and x-amzn-RequestId. */
  requestId: string;
}

export interface QueryAction {
  unsigned?: boolean;
  handle(ctx: QueryContext): Promise<ReadonlyArray<XmlElement | undefined> | undefined>;
}

export interface QueryService {
  name: 'sts' | 'iam';
  version: string;
  namespace: string;
  actions: Readonly<Record<string, QueryAction>>;
}

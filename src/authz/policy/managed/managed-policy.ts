/**
 * An AWS managed policy as IAM presents it (sts-iam.md §4, §6): ARN `arn:aws:iam::aws:policy/…`,
 * the default version's id and document. `provenance` says how sure we are the document is
 * AWS's current default, word for word.
 */
export interface AwsManagedPolicy {
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly description: string;
  readonly defaultVersionId: string;
  /** The default version's document, as JSON text. */
  readonly document: string;
  /**
   * `spec`: verbatim from sts-iam.md §6 (AWS's managed-policy reference);
   * `certain`: a document that has not changed since it was published;
   * `recalled`: from memory of AWS's reference — the permissions are right, the exact
   * current version id and wording are not verified.
   */
  readonly provenance: 'spec' | 'certain' | 'recalled';
}

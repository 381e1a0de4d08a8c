/**
 * The ARNs STS speaks (sts-iam.md §2.2, §4): role-session ARNs leave the role's path out, and a
 * role ARN is `arn:aws:iam::<12 digits>:role/<path><name>`.
 */

/** `arn:aws:sts::<acct>:assumed-role/<role-name>/<session>` — no path, even for `/service/` roles. */
export function assumedRoleArn(accountId: string, roleName: string, sessionName: string): string {
  return `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;
}

export interface ParsedRoleArn {
  partition: string;
  accountId: string;
  /** The last segment: `role/a/b/name` → `name` (the path is checked against the stored role). */
  roleName: string;
}

/** The six parts of an ARN, or undefined when the text is no ARN at all (`<value> is invalid`, sts-iam.md §2.7). */
export function parseArn(text: string): { partition: string; service: string; region: string; accountId: string; resource: string } | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[1] === '' || parts[2] === '') return undefined;
  return { partition: parts[1]!, service: parts[2]!, region: parts[3]!, accountId: parts[4]!, resource: parts.slice(5).join(':') };
}

/** The account and name of `arn:aws:iam::<acct>:role/<path><name>`, or undefined for any other ARN. */
export function parseRoleArn(text: string): ParsedRoleArn | undefined {
  const arn = parseArn(text);
  if (arn === undefined || arn.service !== 'iam' || arn.region !== '' || !/^\d{12}$/.test(arn.accountId)) return undefined;
  if (!arn.resource.startsWith('role/')) return undefined;
  const name = arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
  if (name === '') return undefined;
  return { partition: arn.partition, accountId: arn.accountId, roleName: name };
}

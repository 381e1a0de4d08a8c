/**
 * The role a RoleArn names, or undefined. The ARN must be the role's exactly — path included —
 * so a wrong path names no role; the caller cannot tell that from a denial.
 */
import { parseRoleArn } from './sts-arns.ts';
import type { StsDirectory, StsRole } from './sts-directory.ts';

export async function findRole(directory: Pick<StsDirectory, 'role'>, roleArn: string): Promise<StsRole | undefined> {
  const parsed = parseRoleArn(roleArn);
  if (parsed === undefined) return undefined;
  const role = await directory.role(parsed.accountId, parsed.roleName);
  return role !== undefined && role.arn === roleArn ? role : undefined;
}

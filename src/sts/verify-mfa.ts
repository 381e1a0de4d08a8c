/**
 * `SerialNumber` + `TokenCode` (GetSessionToken, AssumeRole): the device must belong to the
 * caller and the code must verify (sts-iam.md §2.2 "MFA"). A verified code makes
 * `aws:MultiFactorAuthPresent` true for the trust policy and for the session.
 */
import type { StsDirectory } from './sts-directory.ts';
import { invalidMfaCode, unknownMfaDevice } from './sts-errors.ts';
import { principalArn, type SignedPrincipal } from './request-facts.ts';

export interface VerifiedMfa {
  serialNumber: string;
  authenticatedAt: number;
}

export async function verifyMfa(
  directory: Pick<StsDirectory, 'checkMfa'>,
  input: { principal: SignedPrincipal; serialNumber: string | undefined; tokenCode: string | undefined; now: number },
): Promise<VerifiedMfa | undefined> {
  const { serialNumber, tokenCode } = input;
  if (serialNumber === undefined && tokenCode === undefined) return undefined;
  // One without the other cannot verify. [uncertain] AWS's answer to that case.
  if (serialNumber === undefined || tokenCode === undefined) throw invalidMfaCode();
  const result = await directory.checkMfa({
    accountId: input.principal.account.accountId,
    principalArn: principalArn(input.principal),
    serialNumber,
    tokenCode,
    now: input.now,
  });
  if (result === 'unknown-device') throw unknownMfaDevice();
  if (result === 'invalid-code') throw invalidMfaCode();
  return { serialNumber, authenticatedAt: input.now };
}

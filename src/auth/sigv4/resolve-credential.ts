import { isCredentialFailure, type CredentialStore, type SigningCredential } from '../credential-store.ts';
import { expiredToken, invalidAccessKeyId, invalidToken } from './sigv4-errors.ts';

/**
 * Looks the access key up and turns each way it can fail into AWS's answer (errors.md §5): 403
 * InvalidAccessKeyId for unknown, inactive, deleted-principal keys and for a session key whose
 * token is missing or belongs to another session; 400 ExpiredToken / InvalidToken with `Token-0`.
 * AWS checks these after the time and unsigned-header checks and before the signature (§9.1
 * steps 11–12); a token sent with a long-term key comes back as `strayToken` and is reported
 * only once the signature is good (step 14).
 */
export async function resolveCredential(
  store: CredentialStore,
  accessKeyId: string,
  sessionToken: string | undefined,
  now: number,
): Promise<SigningCredential> {
  const resolved = await store.resolve(accessKeyId, sessionToken, now);
  if (!isCredentialFailure(resolved)) return resolved;
  switch (resolved.failure) {
    case 'token-expired':
      throw expiredToken(sessionToken ?? '');
    case 'token-malformed':
      throw invalidToken(sessionToken ?? '', 'session token malformed');
    default:
      throw invalidAccessKeyId(accessKeyId, `credential lookup failed: ${resolved.failure}`);
  }
}

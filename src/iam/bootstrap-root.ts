/**
 * First start: the default account and its root access key. With COFFER_ROOT_ACCESS_KEY_ID /
 * COFFER_ROOT_SECRET_ACCESS_KEY the root key is exactly that pair (replaced if it changed);
 * otherwise a key is generated once and returned so the caller can print it, once.
 */
import type { Account } from '../auth/principal.ts';
import type { IdentityStore, NewAccessKey } from './identity-store.ts';

export interface RootBootstrap {
  account: Account;
  /** Set only when a key was generated on this start: print it, it will not be shown again. */
  generated: NewAccessKey | undefined;
}

export async function bootstrapRoot(
  store: IdentityStore,
  fromEnv: { accessKeyId: string; secretAccessKey: string } | undefined,
): Promise<RootBootstrap> {
  const account =
    (await store.defaultAccount()) ?? (await store.createAccount({ displayName: 'coffer', email: 'root@coffer.local', isDefault: true }));
  const rootKeys = await store.listAccessKeys(account.accountId);

  if (fromEnv) {
    const existing = await store.getAccessKey(fromEnv.accessKeyId);
    if (existing && existing.accountId !== account.accountId) {
      throw new Error(`COFFER_ROOT_ACCESS_KEY_ID ${fromEnv.accessKeyId} belongs to another account`);
    }
    // Re-seal on every start: the variable is the source of truth, so a changed secret takes effect.
    if (existing) await store.deleteAccessKey(fromEnv.accessKeyId);
    await store.createAccessKey({ accountId: account.accountId, ...fromEnv });
    return { account, generated: undefined };
  }

  if (rootKeys.length > 0) return { account, generated: undefined };
  return { account, generated: await store.createAccessKey({ accountId: account.accountId }) };
}

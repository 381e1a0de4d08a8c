/**
 * What `coffer admin account create|delete` do, over the identity store (and, for delete, the
 * buckets in the metadata store of the same data directory). The CLI is a thin shell over these.
 */
import type { Account } from '../../auth/principal.ts';
import type { IdentityStore, NewAccessKey } from '../identity-store.ts';
import { AccountError, noSuchAccount } from './account-error.ts';
import { checkAccountId, checkNewAccountInput } from './account-input.ts';

/** The buckets an account owns; the metadata store's `listBuckets(accountId)` is one. */
export interface BucketLister {
  listBuckets(ownerAccountId: string): Promise<Array<{ name: string }>>;
}

/** Validates the name and e-mail address, then creates the account and its root key. */
export async function createAccount(
  identity: Pick<IdentityStore, 'createAccountWithRootKey'>,
  input: { displayName: string | undefined; email: string | undefined },
): Promise<{ account: Account; rootKey: NewAccessKey }> {
  return identity.createAccountWithRootKey(checkNewAccountInput(input));
}

/**
 * Deletes an account with its access keys, IAM users, roles, policies and settings. Refuses the
 * default account (the server's bootstrap would only make a new one, with new credentials) and
 * an account that still owns buckets (their objects would belong to nobody) — as AWS will not
 * close an account with resources in use, empty it first. A bucket created by a request already
 * in flight at the very moment of the delete is not seen; stop using the account first.
 */
export async function deleteAccount(
  deps: { identity: Pick<IdentityStore, 'listAccountSummaries' | 'deleteAccount'>; buckets: BucketLister },
  accountId: string | undefined,
): Promise<{ account: Account; deletedAccessKeys: number }> {
  const id = checkAccountId(accountId);
  const summary = (await deps.identity.listAccountSummaries()).find((s) => s.account.accountId === id);
  if (summary === undefined) throw noSuchAccount(id);
  if (summary.isDefault) {
    throw new AccountError('default-account', `account ${id} is the default account (the server's own root); it cannot be deleted`);
  }
  const owned = await deps.buckets.listBuckets(id);
  if (owned.length > 0) {
    const names = owned.slice(0, 5).map((b) => b.name).join(', ');
    const more = owned.length > 5 ? ` and ${owned.length - 5} more` : '';
    throw new AccountError(
      'owns-buckets',
      `account ${id} still owns ${owned.length} bucket${owned.length === 1 ? '' : 's'} (${names}${more}); delete them first`,
    );
  }
  await deps.identity.deleteAccount(id);
  return { account: summary.account, deletedAccessKeys: summary.accessKeys };
}

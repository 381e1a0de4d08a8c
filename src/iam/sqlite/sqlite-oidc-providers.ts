/**
 * OpenID Connect providers (iam_oidc_providers): the issuer, accepted client ids (audiences),
 * thumbprints, and where STS finds the signing keys (inline JWKS or a URL). IAM only stores
 * them; fetching and verifying tokens is STS's job.
 */
import type Database from 'better-sqlite3';
import type { JwksSetting, OpenIdConnectProvider, Tag } from '../iam-entities.ts';
import { issuerPath, oidcProviderArn } from '../iam-arns.ts';
import { noSuchOpenIdConnectProvider, providerAlreadyExists } from '../iam-error.ts';
import type { OpenIdConnectProviderStore } from '../iam-store.ts';
import { toOidcProvider, type OidcProviderRow } from './iam-rows.ts';

export class SqliteOidcProviders implements OpenIdConnectProviderStore {
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #stmts;

  constructor(db: Database.Database, now: () => number) {
    this.#db = db;
    this.#now = now;
    this.#stmts = {
      insert: db.prepare(
        `INSERT INTO iam_oidc_providers (arn, account_id, url, client_ids, thumbprints, jwks_kind, jwks, created_at, tags)
         VALUES (@arn, @account_id, @url, @client_ids, @thumbprints, @jwks_kind, @jwks, @created_at, @tags)`,
      ),
      get: db.prepare('SELECT * FROM iam_oidc_providers WHERE arn = ? AND account_id = ?'),
      byArn: db.prepare('SELECT * FROM iam_oidc_providers WHERE arn = ?'),
      list: db.prepare('SELECT * FROM iam_oidc_providers WHERE account_id = ? ORDER BY arn'),
      delete: db.prepare('DELETE FROM iam_oidc_providers WHERE arn = ? AND account_id = ?'),
    };
  }

  async create(input: {
    accountId: string;
    url: string;
    clientIds: string[];
    thumbprints: string[];
    jwks?: JwksSetting;
    tags?: Tag[];
  }): Promise<OpenIdConnectProvider> {
    return this.#db.transaction(() => {
      const url = issuerPath(input.url);
      const arn = oidcProviderArn(input.accountId, url);
      if (this.#stmts.get.get(arn, input.accountId) !== undefined) throw providerAlreadyExists(url);
      const row: OidcProviderRow = {
        arn,
        account_id: input.accountId,
        url,
        client_ids: JSON.stringify(input.clientIds),
        thumbprints: JSON.stringify(input.thumbprints),
        jwks_kind: input.jwks?.kind ?? null,
        jwks: input.jwks === undefined ? null : input.jwks.kind === 'inline' ? input.jwks.json : input.jwks.url,
        created_at: this.#now(),
        tags: JSON.stringify(input.tags ?? []),
      };
      this.#stmts.insert.run(row);
      return toOidcProvider(row);
    })();
  }

  async get(accountId: string, arn: string): Promise<OpenIdConnectProvider | undefined> {
    const row = this.#stmts.get.get(arn, accountId) as OidcProviderRow | undefined;
    return row && toOidcProvider(row);
  }

  /** Any account's provider by ARN (the ARN names the account). */
  byArn(arn: string): OpenIdConnectProvider | undefined {
    const row = this.#stmts.byArn.get(arn) as OidcProviderRow | undefined;
    return row && toOidcProvider(row);
  }

  async list(accountId: string): Promise<OpenIdConnectProvider[]> {
    return (this.#stmts.list.all(accountId) as OidcProviderRow[]).map(toOidcProvider);
  }

  async delete(accountId: string, arn: string): Promise<void> {
    if (this.#stmts.delete.run(arn, accountId).changes === 0) throw noSuchOpenIdConnectProvider(arn);
  }
}

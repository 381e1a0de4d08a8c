/**
 * The signing keys of registered OIDC providers, as jose key sets: a JWKS given inline, a JWKS
 * file (`file:` URL, read on every call so a rotated file takes effect at once), a JWKS URL, or
 * OIDC discovery (`https://<issuer>/.well-known/openid-configuration` → `jwks_uri`, as AWS
 * does). Remote sets are kept per URL on the instance (jose caches and refreshes their keys);
 * nothing is module state.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import type { StsOidcProvider } from '../sts-directory.ts';

export class JwksKeySets {
  readonly #remote = new Map<string, JWTVerifyGetKey>();
  readonly #fetch: typeof fetch;

  constructor(options: { fetch?: typeof fetch } = {}) {
    this.#fetch = options.fetch ?? fetch;
  }

  /** Throws when the keys cannot be had (unreadable file, bad JSON, discovery failure). */
  async keySetFor(provider: StsOidcProvider): Promise<JWTVerifyGetKey> {
    const source = provider.jwks;
    if (source.kind === 'inline') return createLocalJWKSet(JSON.parse(source.json) as JSONWebKeySet);
    if (source.kind === 'url') return this.#fromUrl(source.url);
    return this.#fromUrl(await this.#discover(provider.url));
  }

  async #fromUrl(url: string): Promise<JWTVerifyGetKey> {
    const parsed = new URL(url);
    if (parsed.protocol === 'file:') {
      return createLocalJWKSet(JSON.parse(await readFile(fileURLToPath(parsed), 'utf8')) as JSONWebKeySet);
    }
    let set = this.#remote.get(url);
    if (set === undefined) {
      set = createRemoteJWKSet(parsed);
      this.#remote.set(url, set);
    }
    return set;
  }

  async #discover(issuerWithoutScheme: string): Promise<string> {
    const res = await this.#fetch(`https://${issuerWithoutScheme}/.well-known/openid-configuration`);
    if (!res.ok) throw new Error(`OIDC discovery for ${issuerWithoutScheme}: HTTP ${res.status}`);
    const config = (await res.json()) as { jwks_uri?: unknown };
    if (typeof config.jwks_uri !== 'string') throw new Error(`OIDC discovery for ${issuerWithoutScheme}: no jwks_uri`);
    return config.jwks_uri;
  }
}

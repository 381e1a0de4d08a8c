/**
 * Coffer's extension to CreateOpenIDConnectProvider: where STS finds the provider's signing
 * keys, for issuers that are not reachable or that publish no discovery document (a local test
 * IdP). `CofferJwks` is a JSON Web Key Set (`{"keys": [...]}`, e.g. the contents of a jwks.json
 * file), `CofferJwksUri` an http(s) URL of one. Neither: STS discovers them from the issuer.
 * AWS ignores unknown parameters, so clients that do not send these behave as against AWS.
 */
import type { JwksSetting } from '../../iam-entities.ts';
import { invalidInput } from '../../iam-error.ts';

export function jwksSetting(jwks: string | undefined, jwksUri: string | undefined): JwksSetting | undefined {
  if (jwks !== undefined && jwksUri !== undefined) throw invalidInput('Specify CofferJwks or CofferJwksUri, not both.');
  if (jwks !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(jwks);
    } catch {
      parsed = undefined;
    }
    const keys = typeof parsed === 'object' && parsed !== null ? (parsed as { keys?: unknown }).keys : undefined;
    if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'object' && k !== null && !Array.isArray(k))) {
      throw invalidInput('CofferJwks must be a JSON Web Key Set: {"keys": [ ... ]}.');
    }
    return { kind: 'inline', json: jwks };
  }
  if (jwksUri !== undefined) {
    if (!/^https?:\/\/[^\s/]+/i.test(jwksUri)) throw invalidInput('CofferJwksUri must be an http or https URL.');
    return { kind: 'url', url: jwksUri };
  }
  return undefined;
}

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { StsFixture, names, text } from '../testing/sts-fixture.ts';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity.ts';

const ISSUER = 'https://idp.example.com/tenant';
const PROVIDER_ARN = 'arn:aws:iam::111122223333:oidc-provider/idp.example.com/tenant';
const ROLE_ARN = 'arn:aws:iam::111122223333:role/web';

let privateKey: CryptoKey;
let jwks: string;
let otherKey: CryptoKey;

before(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
  otherKey = (await generateKeyPair('RS256')).privateKey;
});

function fixture() {
  const f = new StsFixture();
  f.directory.providers.push({ arn: PROVIDER_ARN, url: 'idp.example.com/tenant', clientIds: ['my-app'], jwks: { kind: 'inline', json: jwks } });
  f.addRole(
    'web',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: PROVIDER_ARN },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { 'idp.example.com/tenant:aud': 'my-app' }, StringLike: { 'idp.example.com/tenant:sub': 'repo:coffer/*' } },
        },
      ],
    }),
    { roleId: 'AROAWEBXXXXXXXXXXXXX1' },
  );
  const nowS = Math.floor(f.clock.now() / 1000);
  const token = (claims: Record<string, unknown> = {}, options: { key?: CryptoKey; exp?: number } = {}) =>
    new SignJWT({ sub: 'repo:coffer/main', aud: 'my-app', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setIssuedAt(nowS - 10)
      .setExpirationTime(options.exp ?? nowS + 300)
      .sign(options.key ?? privateKey);
  const call = async (params: Record<string, string>) =>
    f.call(assumeRoleWithWebIdentity(f.deps), { RoleArn: ROLE_ARN, RoleSessionName: 'ci', ...params }, { kind: 'anonymous', principal: { type: 'Anonymous' } });
  return { f, token, call, nowS };
}

describe('AssumeRoleWithWebIdentity (sts-iam.md §2.4)', () => {
  it('is an unsigned action', () => {
    assert.equal(assumeRoleWithWebIdentity(new StsFixture().deps).unsigned, true);
  });

  it('exchanges a valid ID token for a role session; result elements in model order', async () => {
    const { f, token, call } = fixture();
    const r = await call({ WebIdentityToken: await token() });
    assert.deepEqual(names(r), ['Credentials', 'SubjectFromWebIdentityToken', 'AssumedRoleUser', 'Provider', 'Audience']);
    assert.equal(text(r, 'SubjectFromWebIdentityToken'), 'repo:coffer/main');
    assert.equal(text(r, 'Provider'), ISSUER);
    assert.equal(text(r, 'Audience'), 'my-app');
    assert.equal(text(r, 'Arn'), 'arn:aws:sts::111122223333:assumed-role/web/ci');
    assert.equal(text(r, 'AssumedRoleId'), 'AROAWEBXXXXXXXXXXXXX1:ci');
    const auth = await f.sessionAuth(text(r, 'AccessKeyId')!, text(r, 'SessionToken')!);
    assert.equal(auth.principal.type, 'AssumedRole');
  });

  it('a token for another audience: InvalidIdentityToken', async () => {
    const { token, call } = fixture();
    await assert.rejects(call({ WebIdentityToken: await token({ aud: 'someone-else' }) }), {
      status: 400,
      code: 'InvalidIdentityToken',
      message: 'Incorrect token audience',
    });
  });

  it('an expired token: ExpiredTokenException with both times', async () => {
    const { token, call, nowS } = fixture();
    await assert.rejects(call({ WebIdentityToken: await token({}, { exp: nowS - 1 }) }), {
      status: 400,
      code: 'ExpiredTokenException',
      message: `Token expired: current date/time ${nowS} must be before the expiration date/time ${nowS - 1}`,
    });
  });

  it('unknown issuer, bad signature, not a JWT', async () => {
    const { f, token, call } = fixture();
    f.directory.providers.length = 0;
    await assert.rejects(call({ WebIdentityToken: await token() }), {
      code: 'InvalidIdentityToken',
      message: `No OpenIDConnect provider found in your account for ${ISSUER}`,
    });
    const g = fixture();
    await assert.rejects(g.call({ WebIdentityToken: await g.token({}, { key: otherKey }) }), { code: 'InvalidIdentityToken', message: 'Token signature verification failed' });
    await assert.rejects(g.call({ WebIdentityToken: 'opaque-access-token' }), {
      code: 'InvalidIdentityToken',
      message: 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
    });
  });

  it('a subject the trust policy does not accept, or a missing role: AccessDenied', async () => {
    const { token, call } = fixture();
    const denied = { status: 403, code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' };
    await assert.rejects(call({ WebIdentityToken: await token({ sub: 'repo:other/main' }) }), denied);
    await assert.rejects(call({ WebIdentityToken: await token(), RoleArn: 'arn:aws:iam::111122223333:role/none' }), denied);
  });

  it('validates its parameters first', async () => {
    const { call } = fixture();
    await assert.rejects(call({ WebIdentityToken: 'abc' }), {
      code: 'ValidationError',
      message: "1 validation error detected: Value 'abc' at 'webIdentityToken' failed to satisfy constraint: Member must have length greater than or equal to 4",
    });
    await assert.rejects(call({ WebIdentityToken: 'abcd', DurationSeconds: '43201' }), {
      code: 'ValidationError',
      message: "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
    });
  });

  it("above the role's MaxSessionDuration: the role-maximum ValidationError", async () => {
    const { token, call } = fixture();
    await assert.rejects(call({ WebIdentityToken: await token(), DurationSeconds: '7200' }), {
      code: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    });
  });
});

/**
 * STS against a real Coffer with @aws-sdk/client-sts and @aws-sdk/client-s3: who am I, session
 * tokens, roles and web identities, and the moment temporary credentials stop working — for a
 * header-signed S3 call, for a presigned URL signed with them, and for STS itself.
 */
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSClient,
  type Credentials,
} from '@aws-sdk/client-sts';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, ListBucketsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { assertS3Error } from './assert-s3-error.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { createHash } from 'node:crypto';
import { errorFields, rawRequest } from './raw-request.ts';

type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

describe('STS (sts-iam.md §2–3)', () => {
  let t: TestCoffer;
  let accountId: string;
  let alice: Keys;
  let aliceArn: string;
  let work: string;
  const clients: STSClient[] = [];

  /** An STS client on the server's clock as it is now (no retries, so errors are seen as sent). */
  const sts = (credentials?: Keys) => {
    const client = new STSClient({
      endpoint: t.endpoint,
      region: 'us-east-1',
      maxAttempts: 1,
      systemClockOffset: t.clock.now() - Date.now(),
      ...(credentials ? { credentials } : { credentials: t.credentials }),
    });
    clients.push(client);
    return client;
  };
  const keysOf = (c: Credentials | undefined): Keys => ({ accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! });
  const trust = (statement: Record<string, unknown>) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }] });
  const createRole = (roleName: string, document: string, maxSessionDuration?: number) =>
    t.coffer.identity.iam.roles.create({ accountId, roleName, path: '/', assumeRolePolicyDocument: document, ...(maxSessionDuration ? { maxSessionDuration } : {}) });

  async function assertStsError(promise: Promise<unknown>, expected: { status: number; code: string; message?: string }): Promise<void> {
    try {
      await promise;
    } catch (e) {
      const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
      assert.equal(err.$metadata?.httpStatusCode, expected.status, `status of ${err.name}: ${err.message}`);
      assert.equal(err.name, expected.code, `code (message: ${err.message})`);
      if (expected.message !== undefined) assert.equal(err.message, expected.message);
      return;
    }
    assert.fail(`expected ${expected.code}, but the call succeeded`);
  }

  before(async () => {
    t = await startTestCoffer();
    accountId = t.coffer.account.accountId;
    work = mkdtempSync(join(tmpdir(), 'coffer-sts-'));
    const user = await t.coffer.identity.iam.users.create({ accountId, userName: 'alice', path: '/' });
    aliceArn = user.arn;
    const key = await t.coffer.identity.iam.accessKeys.create(accountId, 'alice');
    // alice reads S3; sessions she gets with GetSessionToken have exactly her permissions.
    await t.coffer.identity.iam.attachments.attach({ accountId, kind: 'user', name: 'alice' }, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    alice = { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
    await t.s3().send(new CreateBucketCommand({ Bucket: 'sts-data' }));
    await t.s3().send(new PutObjectCommand({ Bucket: 'sts-data', Key: 'hello.txt', Body: 'hello' }));
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await t.stop();
    rmSync(work, { recursive: true, force: true });
  });

  describe('GetCallerIdentity', () => {
    it('root: the root ARN, the account id as UserId', async () => {
      const r = await sts().send(new GetCallerIdentityCommand({}));
      assert.deepEqual([r.Arn, r.UserId, r.Account], [`arn:aws:iam::${accountId}:root`, accountId, accountId]);
    });

    it('IAM user: its ARN and AIDA… id', async () => {
      const r = await sts(alice).send(new GetCallerIdentityCommand({}));
      assert.equal(r.Arn, aliceArn);
      assert.match(r.UserId!, /^AIDA[A-Z0-9]{17}$/);
      assert.equal(r.Account, accountId);
    });
  });

  describe('GetSessionToken, and what happens when the session ends', () => {
    it('a 15-minute session works for S3 and STS, then answers ExpiredToken everywhere — presigned URLs included', async () => {
      const issued = await sts(alice).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
      const session = keysOf(issued.Credentials);
      assert.match(session.accessKeyId, /^ASIA[A-Z0-9]{16}$/);
      assert.match(session.secretAccessKey, /^[A-Za-z0-9+/]{40}$/);
      assert.match(session.sessionToken!, /^[A-Za-z0-9+/=]{100,}$/);
      const expiration = issued.Credentials!.Expiration!.getTime();
      assert.equal(expiration % 1000, 0, 'Expiration has second precision');
      assert.ok(Math.abs(expiration - (t.clock.now() + 900_000)) < 2000, 'Expiration = issue time + 900 s');

      const s3 = t.s3({ credentials: session });
      const got = await s3.send(new GetObjectCommand({ Bucket: 'sts-data', Key: 'hello.txt' }));
      assert.equal(await got.Body!.transformToString(), 'hello');
      assert.equal((await sts(session).send(new GetCallerIdentityCommand({}))).Arn, aliceArn);
      // A URL valid for an hour, signed with a 15-minute session.
      const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'sts-data', Key: 'hello.txt' }), { expiresIn: 3600 });
      assert.match(url, /X-Amz-Security-Token=/);
      assert.equal((await fetch(url)).status, 200);

      t.clock.advance(901_000);
      try {
        await assertS3Error(t.s3({ credentials: session }).send(new GetObjectCommand({ Bucket: 'sts-data', Key: 'hello.txt' })), {
          status: 400,
          code: 'ExpiredToken',
          message: 'The provided token has expired.',
          fields: { 'Token-0': session.sessionToken! },
        });
        const res = await fetch(url);
        assert.equal(res.status, 400);
        const fields = errorFields(await res.text());
        assert.deepEqual(fields.slice(0, 3), [
          ['Code', 'ExpiredToken'],
          ['Message', 'The provided token has expired.'],
          ['Token-0', session.sessionToken!],
        ]);
        await assertStsError(sts(session).send(new GetCallerIdentityCommand({})), {
          status: 403,
          code: 'ExpiredToken',
          message: 'The security token included in the request is expired',
        });
        // Both the URL's own window and the session over: "Request has expired" is checked first
        // (errors.md §5 and §9.1).
        t.clock.advance(3600_000);
        const both = await fetch(url);
        assert.equal(both.status, 403);
        assert.deepEqual(errorFields(await both.text()).slice(0, 2), [
          ['Code', 'AccessDenied'],
          ['Message', 'Request has expired'],
        ]);
      } finally {
        t.clock.advance(-4501_000);
      }
    });

    it('cannot be called with session credentials', async () => {
      const session = keysOf((await sts(alice).send(new GetSessionTokenCommand({}))).Credentials);
      await assertStsError(sts(session).send(new GetSessionTokenCommand({})), {
        status: 403,
        code: 'AccessDenied',
        message: 'Cannot call GetSessionToken with session credentials',
      });
    });

    it('a tampered token: InvalidToken in S3, InvalidClientTokenId in STS', async () => {
      const session = keysOf((await sts(alice).send(new GetSessionTokenCommand({}))).Credentials);
      const bytes = Buffer.from(session.sessionToken!, 'base64');
      bytes[40] = bytes[40]! ^ 0x01;
      const tampered = { ...session, sessionToken: bytes.toString('base64') };
      await assertS3Error(t.s3({ credentials: tampered }).send(new ListBucketsCommand({})), {
        status: 400,
        code: 'InvalidToken',
        message: 'The provided token is malformed or otherwise invalid.',
        fields: { 'Token-0': tampered.sessionToken },
      });
      await assertStsError(sts(tampered).send(new GetCallerIdentityCommand({})), {
        status: 403,
        code: 'InvalidClientTokenId',
        message: 'The security token included in the request is invalid.',
      });
    });
  });

  describe('AssumeRole', () => {
    let appRoleArn: string;
    before(async () => {
      appRoleArn = (await createRole('app', trust({ Principal: { AWS: aliceArn } }))).arn;
      await t.coffer.identity.iam.attachments.attach({ accountId, kind: 'role', name: 'app' }, 'arn:aws:iam::aws:policy/AmazonS3FullAccess');
    });

    it('gives a role session that S3 and GetCallerIdentity see as the assumed role', async () => {
      const r = await sts(alice).send(new AssumeRoleCommand({ RoleArn: appRoleArn, RoleSessionName: 'uploader', DurationSeconds: 900 }));
      assert.equal(r.AssumedRoleUser?.Arn, `arn:aws:sts::${accountId}:assumed-role/app/uploader`);
      assert.match(r.AssumedRoleUser!.AssumedRoleId!, /^AROA[A-Z0-9]{17}:uploader$/);
      assert.equal(r.PackedPolicySize, undefined);
      assert.ok(Math.abs(r.Credentials!.Expiration!.getTime() - (t.clock.now() + 900_000)) < 2000);
      const session = keysOf(r.Credentials);
      const who = await sts(session).send(new GetCallerIdentityCommand({}));
      assert.deepEqual([who.Arn, who.UserId], [r.AssumedRoleUser!.Arn, r.AssumedRoleUser!.AssumedRoleId]);
      const list = await t.s3({ credentials: session }).send(new ListBucketsCommand({}));
      assert.ok(list.Buckets?.some((b) => b.Name === 'sts-data'));
    });

    it('answers in the Query protocol: AssumedRoleUser before Credentials; errors as <ErrorResponse>', async () => {
      const post = (form: Record<string, string>) => {
        const body = new URLSearchParams({ Version: '2011-06-15', ...form }).toString();
        return rawRequest(t.endpoint, {
          method: 'POST',
          path: '/',
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'x-amz-content-sha256': createHash('sha256').update(body).digest('hex') },
          body,
          sign: { ...alice, service: 'sts', signingDate: new Date(t.clock.now()) },
        });
      };
      const ok = await post({ Action: 'AssumeRole', RoleArn: appRoleArn, RoleSessionName: 'raw' });
      assert.equal(ok.status, 200, ok.body);
      assert.match(
        ok.body,
        /^<AssumeRoleResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\n  <AssumeRoleResult>\n    <AssumedRoleUser>\n      <AssumedRoleId>AROA[A-Z0-9]{17}:raw<\/AssumedRoleId>\n      <Arn>arn:aws:sts::\d{12}:assumed-role\/app\/raw<\/Arn>\n    <\/AssumedRoleUser>\n    <Credentials>\n      <AccessKeyId>ASIA[A-Z0-9]{16}<\/AccessKeyId>\n      <SecretAccessKey>[A-Za-z0-9+\/]{40}<\/SecretAccessKey>\n      <SessionToken>[A-Za-z0-9+\/=]+<\/SessionToken>\n      <Expiration>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/Expiration>\n    <\/Credentials>\n  <\/AssumeRoleResult>\n  <ResponseMetadata>\n    <RequestId>[0-9a-f-]{36}<\/RequestId>\n  <\/ResponseMetadata>\n<\/AssumeRoleResponse>\n$/,
      );
      const bad = await post({ Action: 'AssumeRole', RoleArn: appRoleArn });
      assert.equal(bad.status, 400);
      assert.match(
        bad.body,
        /<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\n  <Error>\n    <Type>Sender<\/Type>\n    <Code>ValidationError<\/Code>\n    <Message>1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null<\/Message>/,
      );
    });

    it('reports PackedPolicySize for session policies', async () => {
      const r = await sts(alice).send(
        new AssumeRoleCommand({
          RoleArn: appRoleArn,
          RoleSessionName: 'reader',
          Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::sts-data/*' }] }),
          PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }],
        }),
      );
      assert.ok(r.PackedPolicySize! > 0 && r.PackedPolicySize! <= 100, `PackedPolicySize ${r.PackedPolicySize}`);
    });

    it('a trust policy that does not name the caller: the one AccessDenied text', async () => {
      const locked = await createRole('locked', trust({ Principal: { AWS: `arn:aws:iam::${accountId}:user/bob` } }));
      await assertStsError(sts(alice).send(new AssumeRoleCommand({ RoleArn: locked.arn, RoleSessionName: 'try' })), {
        status: 403,
        code: 'AccessDenied',
        message: `User: ${aliceArn} is not authorized to perform: sts:AssumeRole on resource: ${locked.arn}`,
      });
    });

    it('the root may not assume roles', async () => {
      await assertStsError(sts().send(new AssumeRoleCommand({ RoleArn: appRoleArn, RoleSessionName: 'root' })), {
        status: 403,
        code: 'AccessDenied',
        message: 'Roles may not be assumed by root accounts.',
      });
    });

    it("a trust policy naming the account needs the caller's own policy to allow sts:AssumeRole", async () => {
      const delegated = await createRole('delegated', trust({ Principal: { AWS: `arn:aws:iam::${accountId}:root` } }));
      await assertStsError(sts(alice).send(new AssumeRoleCommand({ RoleArn: delegated.arn, RoleSessionName: 'del' })), {
        status: 403,
        code: 'AccessDenied',
        message: `User: ${aliceArn} is not authorized to perform: sts:AssumeRole on resource: ${delegated.arn}`,
      });
      const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: delegated.arn }] };
      await t.coffer.identity.iam.inlinePolicies.put({ kind: 'user', accountId, name: 'alice' }, 'assume-delegated', JSON.stringify(policy));
      try {
        const ok = await sts(alice).send(new AssumeRoleCommand({ RoleArn: delegated.arn, RoleSessionName: 'del' }));
        assert.equal(ok.AssumedRoleUser?.Arn, `arn:aws:sts::${accountId}:assumed-role/delegated/del`);
      } finally {
        await t.coffer.identity.iam.inlinePolicies.delete({ kind: 'user', accountId, name: 'alice' }, 'assume-delegated');
      }
    });

    it('an sts:ExternalId condition', async () => {
      const partner = await createRole('partner', trust({ Principal: { AWS: aliceArn }, Condition: { StringEquals: { 'sts:ExternalId': 'Unique-ID-1234' } } }));
      const denied = { status: 403, code: 'AccessDenied', message: `User: ${aliceArn} is not authorized to perform: sts:AssumeRole on resource: ${partner.arn}` };
      await assertStsError(sts(alice).send(new AssumeRoleCommand({ RoleArn: partner.arn, RoleSessionName: 'px' })), denied);
      await assertStsError(sts(alice).send(new AssumeRoleCommand({ RoleArn: partner.arn, RoleSessionName: 'px', ExternalId: 'wrong-id' })), denied);
      const ok = await sts(alice).send(new AssumeRoleCommand({ RoleArn: partner.arn, RoleSessionName: 'px', ExternalId: 'Unique-ID-1234' }));
      assert.ok(ok.Credentials?.SessionToken);
    });

    it("DurationSeconds above the role's MaxSessionDuration, and above 43200", async () => {
      await assertStsError(sts(alice).send(new AssumeRoleCommand({ RoleArn: appRoleArn, RoleSessionName: 'long', DurationSeconds: 7200 })), {
        status: 400,
        code: 'ValidationError',
        message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      });
      await assertStsError(sts(alice).send(new AssumeRoleCommand({ RoleArn: appRoleArn, RoleSessionName: 'long', DurationSeconds: 43201 })), {
        status: 400,
        code: 'ValidationError',
        message: "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
      });
    });

    it('role chaining is capped at one hour', async () => {
      const next = await createRole('next', trust({ Principal: { AWS: appRoleArn } }), 43200);
      const first = keysOf((await sts(alice).send(new AssumeRoleCommand({ RoleArn: appRoleArn, RoleSessionName: 'first' }))).Credentials);
      await assertStsError(sts(first).send(new AssumeRoleCommand({ RoleArn: next.arn, RoleSessionName: 'second', DurationSeconds: 7200 })), {
        status: 400,
        code: 'ValidationError',
        message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      });
      const second = await sts(first).send(new AssumeRoleCommand({ RoleArn: next.arn, RoleSessionName: 'second' }));
      assert.equal(second.AssumedRoleUser?.Arn, `arn:aws:sts::${accountId}:assumed-role/next/second`);
    });

    it('deleting the role ends its sessions: InvalidAccessKeyId in S3, InvalidClientTokenId in STS', async () => {
      const doomed = await createRole('doomed', trust({ Principal: { AWS: aliceArn } }));
      const session = keysOf((await sts(alice).send(new AssumeRoleCommand({ RoleArn: doomed.arn, RoleSessionName: 'last' }))).Credentials);
      await t.coffer.identity.iam.roles.delete(accountId, 'doomed');
      await assertS3Error(t.s3({ credentials: session }).send(new ListBucketsCommand({})), {
        status: 403,
        code: 'InvalidAccessKeyId',
        message: 'The AWS Access Key Id you provided does not exist in our records.',
      });
      await assertStsError(sts(session).send(new GetCallerIdentityCommand({})), { status: 403, code: 'InvalidClientTokenId' });
    });
  });

  describe('AssumeRoleWithWebIdentity', () => {
    const issuer = 'https://idp.coffer.test/realm';
    let privateKey: CryptoKey;
    let webRoleArn: string;
    let providerArn: string;
    const idToken = (claims: Record<string, unknown>, expiresInSeconds = 300) => {
      const now = Math.floor(t.clock.now() / 1000);
      return new SignJWT({ sub: 'user-42', aud: 'coffer-app', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuer(issuer)
        .setIssuedAt(now - 5)
        .setExpirationTime(now + expiresInSeconds)
        .sign(privateKey);
    };
    const unsigned = () => {
      const client = new STSClient({ endpoint: t.endpoint, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });
      clients.push(client);
      return client;
    };

    before(async () => {
      const pair = await generateKeyPair('RS256');
      privateKey = pair.privateKey;
      const jwksFile = join(work, 'jwks.json');
      writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' }] }));
      const provider = await t.coffer.identity.iam.openIdConnectProviders.create({
        accountId,
        url: issuer,
        clientIds: ['coffer-app'],
        thumbprints: [],
        jwks: { kind: 'url', url: pathToFileURL(jwksFile).href },
      });
      providerArn = provider.arn;
      const role = await createRole(
        'web',
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: provider.arn },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: { StringEquals: { 'idp.coffer.test/realm:aud': 'coffer-app', 'idp.coffer.test/realm:sub': 'user-42' } },
            },
          ],
        }),
      );
      webRoleArn = role.arn;
    });

    it('exchanges an ID token for a role session', async () => {
      const r = await unsigned().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: webRoleArn, RoleSessionName: 'web-user', WebIdentityToken: await idToken({}) }));
      assert.equal(r.SubjectFromWebIdentityToken, 'user-42');
      assert.equal(r.Provider, issuer);
      assert.equal(r.Audience, 'coffer-app');
      assert.equal(r.AssumedRoleUser?.Arn, `arn:aws:sts::${accountId}:assumed-role/web/web-user`);
      const who = await sts(keysOf(r.Credentials)).send(new GetCallerIdentityCommand({}));
      assert.equal(who.Arn, r.AssumedRoleUser?.Arn);
    });

    it('a token for another audience: InvalidIdentityToken', async () => {
      await assertStsError(
        unsigned().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: webRoleArn, RoleSessionName: 'ww', WebIdentityToken: await idToken({ aud: 'other-app' }) })),
        // On the wire the code is InvalidIdentityToken; the SDK names the modeled exception.
        { status: 400, code: 'InvalidIdentityTokenException', message: 'Incorrect token audience' },
      );
    });

    it('an expired token: ExpiredTokenException', async () => {
      await assertStsError(
        unsigned().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: webRoleArn, RoleSessionName: 'ww', WebIdentityToken: await idToken({}, -1) })),
        { status: 400, code: 'ExpiredTokenException' },
      );
    });

    it('a subject the trust policy does not accept: AccessDenied', async () => {
      await assertStsError(
        unsigned().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: webRoleArn, RoleSessionName: 'ww', WebIdentityToken: await idToken({ sub: 'intruder' }) })),
        { status: 403, code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' },
      );
    });

    it('a GitHub Actions style role made with IAM CreateRole: StringLike on <issuer>:sub decides, through the policy engine', async () => {
      const iam = new IAMClient({ endpoint: t.endpoint, region: 'us-east-1', maxAttempts: 1, credentials: t.credentials, systemClockOffset: t.clock.now() - Date.now() });
      try {
        const document = JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: providerArn },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: { StringEquals: { 'idp.coffer.test/realm:aud': 'coffer-app' }, StringLike: { 'idp.coffer.test/realm:sub': 'repo:org/*' } },
            },
          ],
        });
        const role = (await iam.send(new CreateRoleCommand({ RoleName: 'ci-deploy', AssumeRolePolicyDocument: document }))).Role!;
        const assume = async (sub: string) =>
          unsigned().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: role.Arn, RoleSessionName: 'ci', WebIdentityToken: await idToken({ sub }) }));
        const ok = await assume('repo:org/app:ref:refs/heads/main');
        assert.equal(ok.SubjectFromWebIdentityToken, 'repo:org/app:ref:refs/heads/main');
        assert.equal(ok.AssumedRoleUser?.Arn, `arn:aws:sts::${accountId}:assumed-role/ci-deploy/ci`);
        await assertStsError(assume('repo:other/app:ref:refs/heads/main'), {
          status: 403,
          code: 'AccessDenied',
          message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
        });
      } finally {
        iam.destroy();
      }
    });
  });
});

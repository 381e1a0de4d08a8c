/**
 * `coffer inspect <url | 'Authorization: …' …>`: why a signed request works or not. The
 * diagnosis is diagnostics/inspect (data); with --endpoint the server adds what only it knows.
 * This file reads flags, finds a secret, asks the server, and formats: --json as is, text for
 * people (coloured on a terminal unless NO_COLOR is set).
 */
import { parseArgs } from 'node:util';
import { CredentialSourceError, resolveAwsCredentials, resolveAwsRegion, type AwsCredentials } from '../lib/aws-credential-sources.ts';
import { parseIso8601 } from '../lib/dates.ts';
import { describeDuration } from '../lib/format-duration.ts';
import { InspectInputError, inspectRequest } from '../diagnostics/inspect/inspect-request.ts';
import type { Inspection, InspectRequest } from '../diagnostics/inspect/inspection.ts';
import { parseInspectInput } from '../diagnostics/inspect/parse-inspect-input.ts';
import type { ServerInspection } from '../diagnostics/inspect/server-inspection.ts';
import { CofferCallError, callCoffer, errorOf } from '../diagnostics/signing/call-coffer.ts';
import { ObjectUrlError, parseEndpoint } from '../diagnostics/signing/object-url.ts';
import { credentialSourceEnv, palette, processIo, type CommandIo, type Palette } from './command-io.ts';

const HELP = `usage: coffer inspect <presigned URL | 'Authorization: …' [URL] ['Header: value' …]> [options]

Decodes a signed request and says what AWS will answer and why: algorithm, access key, scope,
signing and expiry times, signed headers, temporary credentials, every problem in the order AWS
checks them — and, given the secret, whether the signature matches and what broke it.
A whole request (e.g. curl -v's "> " lines) can be pasted as one argument.

  --secret <key>       the secret access key, to verify the signature offline (else your own
                       credentials are used when their access key id is the request's)
  --profile <name>     credentials from this profile (for the secret, and to sign --endpoint calls)
  --endpoint <url>     also ask this Coffer server: the outcome now, the key's status, its clock,
                       and when the URL really stops working
  --method <M>         the method the request is sent with (default GET, or the request line's)
  -H, --header <h>     a header the request is sent with (repeatable)
  --region <name>      the region the endpoint serves (AWS host names say it themselves)
  --now <ISO time>     judge the request at this time instead of now (default: now, or the
                       server's clock with --endpoint)
  --json               print the inspection as JSON

Exit status: 0 when nothing is known to fail, 1 when the request will be refused, 2 on bad usage.
`;

export async function inspectCommand(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`coffer inspect: ${message}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        secret: { type: 'string' },
        profile: { type: 'string' },
        endpoint: { type: 'string' },
        method: { type: 'string' },
        header: { type: 'string', short: 'H', multiple: true },
        region: { type: 'string' },
        now: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return fail(`${(e as Error).message}\n\n${HELP}`);
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout.write(HELP);
    return 0;
  }
  try {
    const input = parseInspectInput(positionals, { ...(values.method ? { method: values.method } : {}), headers: values.header ?? [] });
    let now: number | undefined;
    if (values.now !== undefined) {
      now = parseIso8601(values.now);
      if (now === undefined) return fail(`--now: "${values.now}" is not an ISO 8601 time (e.g. 2024-05-01T12:00:00Z)`);
    }
    const profile = values.profile === undefined ? {} : { profile: values.profile };
    const own = resolveAwsCredentials(credentialSourceEnv(io), profile);
    const endpoint = values.endpoint === undefined ? undefined : parseEndpoint(values.endpoint);
    if (endpoint !== undefined && input.url === undefined) io.stderr.write('coffer inspect: note: --endpoint needs the URL the request goes to; not asking the server\n');
    const server = endpoint === undefined || input.url === undefined ? undefined : await askServer(io, endpoint.origin, input, own, values.region ?? resolveAwsRegion(credentialSourceEnv(io), profile));
    const inspection = await inspectRequest(input, {
      now: now ?? (server === undefined ? io.now() : Date.parse(server.clock.now)),
      secretFor: (id) =>
        values.secret !== undefined ? { secret: values.secret, source: '--secret' } : own?.accessKeyId === id ? { secret: own.secretAccessKey, source: own.source } : undefined,
      ...(values.region === undefined ? {} : { region: values.region }),
      ...(endpoint === undefined ? {} : { domains: [endpoint.hostname], alternativeHosts: [endpoint.host] }),
      ...(server === undefined ? {} : { server }),
    });
    io.stdout.write(values.json === true ? JSON.stringify(inspection, null, 2) + '\n' : formatInspection(inspection, palette(io), values.endpoint));
    const refused = inspection.verdict.outcome === 'refused' || (server !== undefined && !server.outcome.accepted);
    return refused ? 1 : 0;
  } catch (e) {
    if (e instanceof InspectInputError || e instanceof ObjectUrlError || e instanceof CredentialSourceError || e instanceof CofferCallError) return fail(e.message);
    throw e;
  }
}

/**
 * POST /.coffer/inspect, signed with the user's credentials when there are any (an account root
 * sees more). Credentials the server refuses (expired, deactivated — often the very reason for
 * inspecting) do not stop the inspection: it asks again unsigned.
 */
async function askServer(io: CommandIo, origin: string, input: InspectRequest, credentials: AwsCredentials | undefined, region: string | undefined): Promise<ServerInspection> {
  const ask = (signWith: AwsCredentials | undefined) =>
    callCoffer({
      endpoint: origin,
      path: '/.coffer/inspect',
      method: 'POST',
      body: { method: input.method, url: input.url, headers: input.headers },
      ...(signWith === undefined ? {} : { credentials: signWith }),
      region: region ?? 'us-east-1',
      now: io.now(),
      fetch: io.fetch,
    });
  let answer = await ask(credentials);
  let error = errorOf(answer.body);
  if (credentials !== undefined && error !== undefined && error.code !== 'InvalidRequest') {
    io.stderr.write(`coffer inspect: note: ${origin} refused your credentials (${credentials.source}: ${error.code}); asking without them\n`);
    answer = await ask(undefined);
    error = errorOf(answer.body);
  }
  if (answer.status !== 200 || error !== undefined) {
    throw new CofferCallError(`${origin} refused the inspect call: ${error?.code ?? answer.status}: ${error?.message ?? JSON.stringify(answer.body)}`);
  }
  return answer.body as ServerInspection;
}

const SCHEMES: Record<Inspection['scheme'], string> = {
  'sigv4-query': 'presigned URL, Signature Version 4',
  'sigv4-header': 'Authorization header, Signature Version 4',
  'sigv2-query': 'presigned URL, Signature Version 2',
  'sigv2-header': 'Authorization header, Signature Version 2',
  none: 'not signed (anonymous)',
};

export function formatInspection(i: Inspection, p: Palette, endpoint?: string): string {
  const out: string[] = [];
  const row = (label: string, value: string) => out.push(`  ${p.dim(label.padEnd(15))}${value}`);
  out.push(p.bold(`${i.request.method} ${i.request.url ?? '(no URL)'}`), `  ${SCHEMES[i.scheme]}`);
  const e = i.endpoint;
  row('host', `${e.host}  ${p.dim(`(${[e.aws ? 'Amazon S3' : 'not an AWS host', e.global ? 'global endpoint' : e.region ? `region ${e.region}` : 'region unknown', `${e.addressing} style`, e.bucket ? `bucket ${e.bucket}` : '', e.key !== undefined ? `key ${e.key}` : ''].filter((x) => x !== '').join(', ')})`)}`);
  if (i.algorithm) row('algorithm', i.algorithm);
  if (i.accessKeyId) row('access key', `${i.accessKeyId}  ${p.dim(`(${i.credentialType})`)}`);
  if (i.scope) row('scope', `${i.scope.date} / ${p.bold(i.scope.region)} / ${i.scope.service} / ${i.scope.terminator}`);
  if (i.signedAt) row('signed at', i.signedAt);
  if (i.expiresAt) {
    const left = i.secondsUntilExpiry ?? 0;
    const when = left > 0 ? p.green(`in ${describeDuration(left * 1000)}`) : p.red(`${describeDuration(-left * 1000)} ago`);
    const how = i.expiresSeconds !== undefined ? ` ${p.dim(`(X-Amz-Expires ${i.expiresSeconds}s = ${describeDuration(i.expiresSeconds * 1000)})`)}` : i.scheme.endsWith('header') ? ` ${p.dim('(signing time + 15 minutes allowed skew)')}` : '';
    row('expires', `${i.expiresAt}, ${when}${how}`);
  }
  row('now', i.now);
  if (i.signedHeaders) row('signed headers', i.signedHeaders.join(';'));
  if (i.scheme !== 'none') row('session token', i.sessionToken === undefined ? 'none (long-term credentials)' : p.yellow(`${short(i.sessionToken)} (temporary credentials)`));

  out.push('', verdictLine(i, p));
  if (i.verdict.outcome === 'refused') out.push(`  ${i.verdict.error.message}`);
  if (i.verdict.outcome !== 'accepted') out.push(`  ${p.dim('why:')} ${i.verdict.explanation}`);
  if (i.server !== undefined && !i.server.outcome.accepted && i.verdict.outcome !== 'refused') {
    const e = i.server.outcome.error;
    out.push(p.red(p.bold(`✗ The server refuses it: ${e.code} (${e.status})`)), `  ${e.message}`);
  }

  if (i.findings.length > 0) {
    out.push('', p.bold('Findings, in the order AWS checks:'));
    for (const f of i.findings) {
      const mark = f.severity === 'error' ? p.red('✗') : f.severity === 'warning' ? p.yellow('!') : p.cyan('i');
      out.push(`  ${mark} ${p.bold(f.id)}: ${f.message}`);
    }
  }
  if (i.signatureCheck) out.push('', ...formatSignature(i.signatureCheck, p));
  if (i.server) out.push('', ...formatServer(i.server, p, endpoint ?? 'server'));
  if (i.notes.length > 0) out.push('', ...i.notes.map((n) => p.dim(`note: ${n}`)));
  return out.join('\n') + '\n';
}

function verdictLine(i: Inspection, p: Palette): string {
  switch (i.verdict.outcome) {
    case 'accepted':
      return p.green(p.bold('✓ Accepted')) + ' (offline checks, signature verified)';
    case 'refused':
      return p.red(p.bold(`✗ Refused: ${i.verdict.error.code} (${i.verdict.error.status})`));
    case 'signature-unchecked':
      return p.yellow(p.bold('? Signature not checked')) + ' — no problem found before it';
    case 'unknown':
      return p.yellow(p.bold('? Cannot tell'));
  }
}

function formatSignature(s: NonNullable<Inspection['signatureCheck']>, p: Palette): string[] {
  const out = [p.bold(`Signature (secret from ${s.secretSource}): `) + (s.blockedBy ? p.yellow(`not checked — ${s.blockedBy.code}: ${s.blockedBy.message}`) : s.matches ? p.green('matches ✓') : p.red('does NOT match ✗'))];
  if (s.blockedBy) return out;
  if (s.canonicalRequest !== undefined) out.push(`  ${p.dim('canonical request:')}`, ...indent(s.canonicalRequest));
  out.push(`  ${p.dim('string to sign:')}`, ...indent(s.stringToSign));
  if (!s.matches) {
    out.push(`  ${p.dim('computed:')} ${s.computed ?? ''}`, `  ${p.dim('provided:')} ${s.provided}`, `  ${p.bold('likely causes:')}`);
    for (const c of s.causes) out.push(`    ${c.confirmed ? p.green('✓ confirmed') : p.yellow('? possible ')} ${p.bold(c.id)}: ${c.message}`);
  }
  return out;
}

function formatServer(s: ServerInspection, p: Palette, endpoint: string): string[] {
  const out = [p.bold(`Server ${endpoint} says:`)];
  const row = (label: string, value: string) => out.push(`  ${p.dim(label.padEnd(15))}${value}`);
  row('clock', `${s.clock.now}${s.clock.offsetMs === 0 ? '' : p.yellow(` (moved ${s.clock.offset})`)}`);
  row('region', `${s.region}${s.bucket ? p.dim(` (bucket ${s.bucket})`) : ''}`);
  row('outcome', s.outcome.accepted ? p.green(`accepted (${s.outcome.scheme}, as ${s.outcome.principal})`) : p.red(`${s.outcome.error.code} (${s.outcome.error.status}): ${s.outcome.error.message}`));
  if (s.accessKey) {
    const colour = s.accessKey.status === 'active' ? p.green : p.red;
    row('access key', `${s.accessKey.id} ${colour(s.accessKey.status)}${s.accessKey.temporary ? ' (temporary)' : ''}${s.accessKey.problem ? p.red(` — ${s.accessKey.problem}`) : ''}${s.accessKey.expiresAt ? `, session expires ${s.accessKey.expiresAt}` : ''}`);
  }
  if (s.expiry.effective) {
    const left = s.expiry.secondsRemaining ?? 0;
    row('works until', `${s.expiry.effective} ${p.dim(`(${s.expiry.decidedBy === 'credential' ? 'the credentials expire first' : 'the URL expires first'})`)}, ${left > 0 ? p.green(`${describeDuration(left * 1000)} left`) : p.red(`expired ${describeDuration(-left * 1000)} ago`)}`);
  }
  if (s.disclosure === 'request') out.push(p.dim('  (unsigned inspect call: only what sending the request reveals; an inactive key reads "unknown")'));
  return out;
}

function indent(text: string): string[] {
  return text.split('\n').map((l) => `    ${l}`);
}

function short(token: string): string {
  return token.length <= 24 ? token : `${token.slice(0, 20)}…(${token.length} chars)`;
}

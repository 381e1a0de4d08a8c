/**
 * Credentials and region from the places AWS tools read them, in the AWS CLI's order:
 *
 * 1. `--profile NAME` (explicit): that profile only — environment keys are ignored, as the CLI does.
 * 2. `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`) in the environment.
 * 3. The profile named by `AWS_PROFILE` (else `default`): `~/.aws/credentials` (`[name]`), then
 *    `~/.aws/config` (`[profile name]`, `[default]`); the files move with
 *    `AWS_SHARED_CREDENTIALS_FILE` / `AWS_CONFIG_FILE`.
 *
 * Static keys only: profiles that need a network call or a program (role_arn, SSO,
 * credential_process) are reported as unsupported rather than silently skipped. Pure: the
 * environment, the home directory and file reading are injected.
 */
import { parseIni } from './ini-file.ts';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Where they came from, for messages: `environment` or `profile default (~/.aws/credentials)`. */
  source: string;
}

export interface CredentialSourceEnv {
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
  /** The file's text, or undefined when it does not exist. */
  readFile(path: string): string | undefined;
}

export class CredentialSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialSourceError';
  }
}

/** Undefined when no source has credentials; throws CredentialSourceError for a broken one. */
export function resolveAwsCredentials(from: CredentialSourceEnv, options: { profile?: string } = {}): AwsCredentials | undefined {
  const { env } = from;
  if (options.profile === undefined) {
    const id = nonEmpty(env.AWS_ACCESS_KEY_ID);
    const secret = nonEmpty(env.AWS_SECRET_ACCESS_KEY);
    if (id !== undefined && secret !== undefined) {
      const token = nonEmpty(env.AWS_SESSION_TOKEN) ?? nonEmpty(env.AWS_SECURITY_TOKEN);
      return { accessKeyId: id, secretAccessKey: secret, ...(token ? { sessionToken: token } : {}), source: 'environment' };
    }
    if (id !== undefined || secret !== undefined) {
      throw new CredentialSourceError('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together');
    }
  }
  const name = options.profile ?? nonEmpty(env.AWS_PROFILE) ?? 'default';
  const files = profileFiles(from);
  for (const file of [files.credentials, files.config]) {
    const section = file.sections.get(file === files.config ? configSectionName(name) : name);
    if (section === undefined) continue;
    const id = nonEmpty(section.get('aws_access_key_id'));
    const secret = nonEmpty(section.get('aws_secret_access_key'));
    if (id !== undefined && secret !== undefined) {
      const token = nonEmpty(section.get('aws_session_token')) ?? nonEmpty(section.get('aws_security_token'));
      return { accessKeyId: id, secretAccessKey: secret, ...(token ? { sessionToken: token } : {}), source: `profile ${name} (${file.path})` };
    }
    const dynamic = ['role_arn', 'sso_session', 'sso_start_url', 'credential_process', 'web_identity_token_file'].find((k) => section.has(k));
    if (dynamic !== undefined) {
      throw new CredentialSourceError(
        `profile ${name} in ${file.path} gets its credentials through ${dynamic}, which coffer does not support: export AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN (e.g. from \`aws configure export-credentials --profile ${name} --format env\`)`,
      );
    }
    if (id !== undefined || secret !== undefined) {
      throw new CredentialSourceError(`profile ${name} in ${file.path} needs both aws_access_key_id and aws_secret_access_key`);
    }
  }
  if (options.profile !== undefined || nonEmpty(env.AWS_PROFILE) !== undefined) {
    throw new CredentialSourceError(`profile ${name} not found (looked in ${files.credentials.path} and ${files.config.path})`);
  }
  return undefined;
}

/** `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region` in ~/.aws/config; undefined if none. */
export function resolveAwsRegion(from: CredentialSourceEnv, options: { profile?: string } = {}): string | undefined {
  const fromEnv = nonEmpty(from.env.AWS_REGION) ?? nonEmpty(from.env.AWS_DEFAULT_REGION);
  if (fromEnv !== undefined) return fromEnv;
  const name = options.profile ?? nonEmpty(from.env.AWS_PROFILE) ?? 'default';
  return nonEmpty(profileFiles(from).config.sections.get(configSectionName(name))?.get('region'));
}

/** `AWS_ENDPOINT_URL_S3`, then `AWS_ENDPOINT_URL` (as the AWS CLI ≥ 2.13 and SDKs read them). */
export function resolveAwsEndpoint(env: Readonly<Record<string, string | undefined>>): string | undefined {
  return nonEmpty(env.AWS_ENDPOINT_URL_S3) ?? nonEmpty(env.AWS_ENDPOINT_URL);
}

interface IniFile {
  path: string;
  sections: Map<string, Map<string, string>>;
}

function profileFiles(from: CredentialSourceEnv): { credentials: IniFile; config: IniFile } {
  const home = from.homeDir.replace(/\/+$/, '');
  const credentialsPath = nonEmpty(from.env.AWS_SHARED_CREDENTIALS_FILE) ?? `${home}/.aws/credentials`;
  const configPath = nonEmpty(from.env.AWS_CONFIG_FILE) ?? `${home}/.aws/config`;
  return {
    credentials: { path: credentialsPath, sections: parseIni(from.readFile(expandHome(credentialsPath, home)) ?? '') },
    config: { path: configPath, sections: parseIni(from.readFile(expandHome(configPath, home)) ?? '') },
  };
}

/** ~/.aws/config names profiles `[profile NAME]`, except `[default]`. */
function configSectionName(profile: string): string {
  return profile === 'default' ? 'default' : `profile ${profile}`;
}

function expandHome(path: string, home: string): string {
  return path === '~' || path.startsWith('~/') ? home + path.slice(1) : path;
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}

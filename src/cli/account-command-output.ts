/**
 * The new account's root credentials as `coffer admin account create` prints them, once: in the
 * same ready-to-paste form as the server's first-start banner.
 */
import type { Account } from '../auth/principal.ts';

export function accountCredentialsSnippet(input: {
  account: Account;
  key: { accessKeyId: string; secretAccessKey: string };
  region: string;
  endpoint: string;
  profile: string;
}): string {
  const { account, key, region, endpoint, profile } = input;
  return `Created account ${account.accountId} (${account.displayName}, ${account.email})
  canonical id: ${account.canonicalId}

Its root credentials are shown only now:

  export AWS_ACCESS_KEY_ID=${key.accessKeyId}
  export AWS_SECRET_ACCESS_KEY=${key.secretAccessKey}
  export AWS_REGION=${region}
  export AWS_ENDPOINT_URL=${endpoint}

or, for the aws CLI:  aws configure set aws_access_key_id ${key.accessKeyId} --profile ${profile}
                      aws configure set aws_secret_access_key ${key.secretAccessKey} --profile ${profile}
                      aws configure set region ${region} --profile ${profile}
                      aws --profile ${profile} --endpoint-url ${endpoint} s3 ls
`;
}

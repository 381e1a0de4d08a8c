/**
 * GetBucketPolicy as AWS answers it once an IAM user or role the policy names has been deleted
 * (policy-evaluation.md §1): that principal appears as the unique id it had (`AIDA…`, `AROA…`),
 * since the policy means that entity and no other — also when a new one took the same name.
 * Only those strings change, and only where they are principals (a Principal or NotPrincipal
 * `AWS` value); every other byte of the stored text is returned as it was put.
 */
import type { IamReader } from '../../../iam/iam-store.ts';

type Iam = Pick<IamReader, 'getUser' | 'getRoleByArn'>;

export async function showDeletedPrincipals(text: string, principalIds: Record<string, string> | undefined, iam: Iam | undefined): Promise<string> {
  if (principalIds === undefined || iam === undefined) return text;
  const gone = new Map<string, string>();
  for (const [arn, id] of Object.entries(principalIds)) {
    if ((await currentIdOf(arn, iam)) !== id) gone.set(arn, id);
  }
  if (gone.size === 0) return text;
  return replacePrincipalStrings(text, gone);
}

async function currentIdOf(arn: string, iam: Iam): Promise<string | undefined> {
  const m = /^arn:aws:iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (m === null) return undefined;
  if (m[2] === 'role') return (await iam.getRoleByArn(arn))?.roleId;
  const user = await iam.getUser(m[1]!, m[3]!);
  return user?.arn === arn ? user.userId : undefined;
}

/**
 * Replaces the JSON strings at Statement[…].Principal|NotPrincipal.AWS[…] whose value is a key
 * of `ids` by the id, as a JSON string. The text is a policy that was valid JSON when stored.
 */
export function replacePrincipalStrings(text: string, ids: ReadonlyMap<string, string>): string {
  const edits: Array<[start: number, end: number, replacement: string]> = [];
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): [start: number, end: number] => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return [start, i];
  };
  const isPrincipalValue = (path: readonly string[]) => {
    const p = path.filter((k) => k !== '#');
    return p.length === 3 && p[0] === 'Statement' && (p[1] === 'Principal' || p[1] === 'NotPrincipal') && p[2] === 'AWS';
  };
  const value = (path: string[]): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      while (text[i] !== '}') {
        const [ks, ke] = string();
        const key = JSON.parse(text.slice(ks, ke)) as string;
        ws();
        i++; // ':'
        value([...path, key]);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '[') {
      i++;
      ws();
      while (text[i] !== ']') {
        value([...path, '#']);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '"') {
      const [s, e] = string();
      if (isPrincipalValue(path)) {
        const id = ids.get(JSON.parse(text.slice(s, e)) as string);
        if (id !== undefined) edits.push([s, e, JSON.stringify(id)]);
      }
    } else {
      while (i < text.length && !',}] \t\n\r'.includes(text[i]!)) i++; // number, true, false, null
    }
  };
  value([]);
  let out = '';
  let at = 0;
  for (const [s, e, r] of edits) {
    out += text.slice(at, s) + r;
    at = e;
  }
  return out + text.slice(at);
}

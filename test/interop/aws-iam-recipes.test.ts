/**
 * The README's "IAM users, roles and temporary credentials" recipes, run as written with
 * Debian's aws CLI (/usr/bin/aws) and curl — so that the README cannot drift from what Coffer
 * does. The test reads the section, runs its ```sh blocks in order in one bash (so what a block
 * sets — the alias, $KEY, exported credentials, files — is there for the next, as in the
 * reader's terminal), and compares what each block prints with the ```text block that follows it
 * in the README; a block the README shows no output for must print nothing. Only the endpoint
 * (the README's http://127.0.0.1:9000) is replaced by the test server's.
 *
 * What the README cannot fix, the comparison normalizes: the account id (123456789012 in the
 * README), `aws s3 ls` dates, the token / request ids in an error document (`…`) — the token is
 * checked to be the session's own — and the progress the aws CLI overwrites with a carriage
 * return (a terminal shows only what comes after it).
 *
 * A block beginning with `# 15 minutes later` is run after the test has moved the server's clock
 * by 15 minutes and a second. The aws CLI signs with the machine's clock, so a server clock that
 * far ahead would refuse its requests with RequestTimeTooSkewed (checked before credentials,
 * as on AWS) — the server allows 3 hours of skew (`--max-skew`), so that what the reader sees after
 * really waiting, the session's expiry, is what is seen here.
 */
import { CreateBucketCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startTestCoffer, type TestCoffer } from '../e2e/harness.ts';
import { missingTool } from './run-tool.ts';

const AWS = '/usr/bin/aws';
const skip = missingTool(AWS, 'awscli') || missingTool('/usr/bin/curl', 'curl');
const README = join(fileURLToPath(import.meta.url), '..', '..', '..', 'README.md');
const SECTION = '## IAM users, roles and temporary credentials';
const README_ENDPOINT = 'http://127.0.0.1:9000';
const README_ACCOUNT = '123456789012';
const LATER = '# 15 minutes later';

interface Step {
  script: string;
  /** The ```text block after it in the README, if any: what the block prints. */
  output: string | undefined;
}

/** The section's ```sh blocks, each with the ```text block that follows it (if one does). */
function readRecipes(): Step[] {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(`\n${SECTION}\n`);
  assert.ok(start >= 0, `README has a section "${SECTION}"`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const steps: Step[] = [];
  for (const m of section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
    const [, lang, body] = m;
    if (lang === 'sh') steps.push({ script: body!, output: undefined });
    else if (lang === 'text') {
      const last = steps.at(-1);
      assert.ok(last && last.output === undefined, 'a ```text block follows the ```sh block whose output it shows');
      last.output = body!;
    } else assert.fail(`unexpected \`\`\`${lang} block in the section`);
  }
  return steps;
}

describe('README: IAM users, roles and temporary credentials (aws CLI)', { skip }, () => {
  let t: TestCoffer;
  let work: string;
  before(async () => {
    // See the header: the aws CLI signs with the machine clock, and this test moves the server's.
    t = await startTestCoffer({ config: { maxSkewMs: 3 * 3600_000 } });
    work = mkdtempSync(join(tmpdir(), 'coffer-recipes-'));
    mkdirSync(join(work, 'home'));
    // Where the section starts: the bucket `photos` ("Pointing clients at Coffer") and cat.jpg.
    await t.s3().send(new CreateBucketCommand({ Bucket: 'photos' }));
    writeFileSync(join(work, 'cat.jpg'), 'not really a cat');
  });
  after(async () => {
    await t.stop();
    rmSync(work, { recursive: true, force: true });
  });

  /** Runs the steps in one bash; moves the server clock when it reaches a `# 15 minutes later` block. */
  function runRecipes(steps: Step[]): Promise<{ code: number; output: string }> {
    const lines = ['exec 2>&1'];
    steps.forEach((step, i) => {
      if (step.script.startsWith(LATER)) lines.push(`printf '@@WAIT@@\\n'`, 'read -r _');
      lines.push(`printf '@@BEGIN ${i}@@\\n'`, step.script.replaceAll(README_ENDPOINT, t.endpoint), `printf '@@END ${i}@@\\n'`);
    });
    lines.push(`printf '@@TOKEN %s@@\\n' "$AWS_SESSION_TOKEN"`, `printf '@@URL %s@@\\n' "$URL"`);
    const file = join(work, 'recipes.sh');
    writeFileSync(file, lines.join('\n') + '\n');
    return new Promise((resolve, reject) => {
      const child = spawn('/bin/bash', ['-O', 'expand_aliases', file], {
        cwd: work,
        env: {
          PATH: '/usr/bin:/bin',
          HOME: join(work, 'home'),
          LANG: 'C.UTF-8',
          TZ: 'UTC',
          // The export snippet of the first start: the account root.
          AWS_ACCESS_KEY_ID: t.credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: t.credentials.secretAccessKey,
          AWS_REGION: 'us-east-1',
          AWS_ENDPOINT_URL: t.endpoint,
          AWS_CONFIG_FILE: join(work, 'home', 'config'),
          AWS_SHARED_CREDENTIALS_FILE: join(work, 'home', 'credentials'),
          AWS_PAGER: '',
        },
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      let output = '';
      let waited = false;
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        if (!waited && output.includes('@@WAIT@@\n')) {
          waited = true;
          t.clock.advance(15 * 60_000 + 1000);
          child.stdin.write('\n');
        }
      });
      child.on('error', reject);
      child.on('close', (code) => {
        child.stdin.end();
        resolve({ code: code ?? -1, output });
      });
    });
  }

  it('every recipe prints what the README shows', async () => {
    const steps = readRecipes();
    assert.ok(steps.length >= 5, `${steps.length} sh blocks`);
    assert.ok(steps.some((s) => s.script.startsWith(LATER)), `a block starts with "${LATER}"`);
    const offset = t.clock.now() - Date.now();
    let run;
    try {
      run = await runRecipes(steps);
    } finally {
      t.clock.set(Date.now() + offset);
    }
    assert.equal(run.code, 0, run.output);

    const token = /@@TOKEN (.*)@@/.exec(run.output)?.[1];
    const url = /@@URL (.*)@@/.exec(run.output)?.[1];
    assert.match(token ?? '', /^[A-Za-z0-9+/=]{100,}$/, 'the session token was exported');
    assert.match(url ?? '', /X-Amz-Expires=3600&.*X-Amz-Security-Token=/, 'a URL good for an hour, signed with the session');

    const account = t.coffer.account.accountId;
    const normalize = (text: string) =>
      text
        // What a terminal shows: the aws CLI's progress line is overwritten after a carriage return.
        .split('\n')
        .map((line) => line.slice(line.lastIndexOf('\r') + 1).trimEnd())
        .join('\n')
        .replaceAll(account, README_ACCOUNT)
        .replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /gm, '<date> ')
        .replace(/<(Token-0|RequestId|HostId)>[^<]*<\/\1>/g, '<$1>…</$1>')
        .trimEnd();
    steps.forEach((step, i) => {
      const printed = new RegExp(`@@BEGIN ${i}@@\\n([\\s\\S]*?)@@END ${i}@@\\n`).exec(run.output)?.[1];
      assert.notEqual(printed, undefined, `block ${i} ran\n${run.output}`);
      if (step.script.startsWith(LATER)) assert.match(printed!, new RegExp(`<Token-0>${token!.replace(/[+/=]/g, '\\$&')}</Token-0>`), 'Token-0 is the session token');
      assert.equal(normalize(printed!), normalize(step.output ?? ''), `what block ${i} prints:\n${step.script}`);
    });

    // And what the recipes did, seen by the account root.
    const s3 = t.s3();
    const stored = await s3.send(new HeadObjectCommand({ Bucket: 'photos', Key: 'app/cat.jpg' }));
    assert.equal(stored.ContentLength, 'not really a cat'.length);
    await assert.rejects(s3.send(new HeadObjectCommand({ Bucket: 'photos', Key: 'new.jpg' })), { name: 'NotFound' });
  });
});

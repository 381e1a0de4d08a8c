import { compilePattern } from './src/authz/policy/compile-pattern.ts';
import { matchPattern } from './src/authz/policy/match-pattern.ts';
function t(name: string, fn: () => unknown) {
  for (let i = 0; i < 200000; i++) fn();
  const n = 2_000_000; const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  console.log(name.padEnd(20), (Number(process.hrtime.bigint() - t0) / n).toFixed(1), 'ns');
}
const a = compilePattern('s3:*Object', { wildcards: true, variables: false, foldCase: true });
const r = compilePattern('arn:aws:s3:::photos/t12/*', { wildcards: true, variables: false, foldCase: false });
const r45 = compilePattern('arn:aws:s3:::photos/t45/*', { wildcards: true, variables: false, foldCase: false });
t('action', () => matchPattern(a, 's3:GetObject', undefined));
t('resource miss', () => matchPattern(r, 'arn:aws:s3:::photos/t45/cat.jpg', undefined));
t('resource hit', () => matchPattern(r45, 'arn:aws:s3:::photos/t45/cat.jpg', undefined));
t('noop', () => 0);
const s = 'arn:aws:s3:::photos/t45/cat.jpg';
t('startsWith', () => s.startsWith('arn:aws:s3:::photos/t12/', 0));
t('startsWith hit', () => s.startsWith('arn:aws:s3:::photos/t45/', 0));

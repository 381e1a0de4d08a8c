/**
 * A simulation as the same Explanation `coffer explain` renders for a recorded request: the
 * verdict, what was asked and under which assumptions, the reason, the evidence.
 */
import { describeTrace } from '../audit/describe-trace.ts';
import { deniedByWords, type Explanation } from '../audit/explain-record.ts';
import type { Simulation } from './simulate.ts';

const VERDICTS: Record<Simulation['decision'], Explanation['verdict']> = {
  allow: { tone: 'allowed', text: 'Allowed (simulated)' },
  'explicit-deny': { tone: 'denied', text: 'Denied (simulated): an explicit Deny matched' },
  'implicit-deny': { tone: 'denied', text: 'Denied (simulated): nothing allowed it (implicit deny)' },
};

export function explainSimulation(s: Simulation): Explanation {
  const facts: Explanation['facts'] = [
    ['who', s.principal],
    ['what', `${s.action}${s.resource === '*' ? '' : ` on ${s.resource}`}`],
  ];
  if (s.bucket) facts.push(['bucket', `${s.bucket.name}, owned by account ${s.bucket.owner}${s.bucket.stored ? '' : ' (assumed)'}`]);
  const context = Object.entries(s.context).map(([k, v]) => `${k}=${v}`);
  facts.push(['context', context.length > 0 ? context.join(', ') : 'none given (HTTP, signed now with SigV4 in the Authorization header)']);
  facts.push(['at', s.time]);
  facts.push(['policies', `identity: ${s.sources.identityPolicies}; bucket: ${s.sources.bucketPolicy}`]);
  for (const a of s.assumptions) facts.push(['assumed', a]);
  if (s.message !== undefined) facts.push(['message', s.message]);
  if (s.deniedBy !== undefined) facts.push(['denied by', deniedByWords(s.deniedBy, s.decision)]);
  return { verdict: VERDICTS[s.decision], facts, reason: s.reason, trace: describeTrace(s) };
}

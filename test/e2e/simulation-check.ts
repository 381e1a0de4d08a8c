/**
 * Issue 4's promise, checked on every end-to-end test: `coffer simulate` agrees with the server.
 * Each request the test server authorizes is asked again, as `coffer simulate --request <id>`
 * asks it (replayInput over the audit record, then simulate over the server's own stores), right
 * after it was answered — before the test can send the next request and change a policy. A
 * disagreement fails the test file when its server stops.
 *
 * Not asked again: role sessions (a session policy is sealed in the session token, which neither
 * the audit record nor simulate can see).
 */
import { buildAuditRecord, type AuditInput } from '../../src/diagnostics/audit/build-audit-record.ts';
import type { AuditRecord } from '../../src/diagnostics/audit/audit-record.ts';
import { replayInput } from '../../src/diagnostics/simulate/replay-input.ts';
import { simulate } from '../../src/diagnostics/simulate/simulate.ts';
import type { CofferInstance } from '../../src/main.ts';

const DECIDED = new Set(['allow', 'explicit-deny', 'implicit-deny']);

export interface SimulationCheck {
  /** Disagreements so far: request, the server's decision, simulate's. */
  readonly disagreements: string[];
  /** How many decisions were asked again. */
  readonly checked: () => number;
  /** Resolves when every replay started so far has finished. */
  settled(): Promise<void>;
}

export function checkSimulationAgrees(coffer: CofferInstance): SimulationCheck {
  const disagreements: string[] = [];
  const pending = new Set<Promise<void>>();
  let checked = 0;
  const sink = coffer.audit;
  const record = sink.record.bind(sink);
  sink.record = (input: AuditInput) => {
    record(input);
    const r = buildAuditRecord(input);
    if (!DECIDED.has(r.decision) || r.principalType === 'AssumedRole') return;
    const replay = ask(r).catch((e: Error) => {
      disagreements.push(`${describe(r)}: simulate failed: ${e.message}`);
    });
    pending.add(replay);
    void replay.finally(() => pending.delete(replay));
  };

  async function ask(r: AuditRecord): Promise<void> {
    const q = replayInput(r);
    const sim = await simulate({ ...q, now: Date.parse(r.time) }, { metadata: coffer.deps.metadata, identity: coffer.identity });
    checked++;
    if (sim.decision !== r.decision) disagreements.push(`${describe(r)}: the server decided ${r.decision} (${r.reason}), simulate ${sim.decision} (${sim.reason})`);
  }

  return { disagreements, checked: () => checked, settled: async () => void (await Promise.all([...pending])) };
}

function describe(r: AuditRecord): string {
  return `${r.operation ?? '?'} ${r.requestId} by ${r.principal}: ${r.action} on ${r.resource}`;
}

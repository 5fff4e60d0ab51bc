// irsa's own driver for the differential test: reads irsa's batch cases (JSON Lines), runs each
// through @cloud-copilot/iam-simulate's public API (runSimulation) in this separate node process,
// and writes one {"id","decision","ignoredContextKeys"} line per case (the keys the peer filtered out
// before evaluating). With --bench N it instead times N passes over the
// parsed cases and prints {"cases","passes","seconds","decisionsPerSecond"}.
// The peer is AGPL: it is only ever run as this separate process; nothing of it is copied.
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { readFileSync } from 'node:fs';

const [file, flag, n] = process.argv.slice(2);
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');

function arnAccount(arn) {
  if (typeof arn !== 'string' || !arn.startsWith('arn:')) return undefined;
  const parts = arn.split(':');
  return parts.length >= 6 && parts[4] !== '' ? parts[4] : undefined;
}

function levels(value, label) {
  if (!Array.isArray(value) || value.length === 0) return [];
  const nested = Array.isArray(value[0]);
  const lv = nested ? value : [value];
  return lv.map((policies, l) => ({
    orgIdentifier: `${label}-level-${l}`,
    policies: policies.map((p, i) => ({ name: `${label}[${l}][${i}]`, policy: p }))
  }));
}

function simulation(c) {
  const r = c.request;
  const sim = {
    request: {
      principal: r.principal,
      action: r.action,
      resource: {
        resource: r.resource,
        accountId: r.resourceAccount ?? arnAccount(r.resource) ?? arnAccount(r.principal) ?? '000000000000'
      },
      contextVariables: r.context ?? {}
    },
    identityPolicies: (c.identityPolicies ?? []).map((p, i) => ({ name: `identity[${i}]`, policy: p })),
    serviceControlPolicies: levels(c.scps, 'scp'),
    resourceControlPolicies: levels(c.rcps, 'rcp')
  };
  if (c.resourcePolicy) sim.resourcePolicy = c.resourcePolicy;
  if (c.permissionBoundaries) {
    sim.permissionBoundaryPolicies = c.permissionBoundaries.map((p, i) => ({ name: `boundary[${i}]`, policy: p }));
  }
  if (c.sessionPolicy) sim.sessionPolicy = c.sessionPolicy;
  return sim;
}

const DECISIONS = { Allowed: 'ALLOWED', ExplicitlyDenied: 'EXPLICIT_DENY', ImplicitlyDenied: 'IMPLICIT_DENY' };

async function decide(sim) {
  try {
    const res = await runSimulation(sim, {});
    if (res.resultType === 'error') return { decision: 'ERROR', error: res.errors.message ?? 'error' };
    const ignored = res.resultType === 'single' ? res.result.ignoredContextKeys
      : (res.results ?? []).flatMap((r) => r.ignoredContextKeys ?? []);
    return { decision: DECISIONS[res.overallResult] ?? 'ERROR', error: undefined, ignored };
  } catch (e) {
    return { decision: 'ERROR', error: String(e && e.message ? e.message : e) };
  }
}

const cases = lines.map((l) => {
  const c = JSON.parse(l);
  return { id: c.id, sim: simulation(c) };
});

if (flag === '--bench') {
  const passes = Number(n ?? '1');
  for (const c of cases.slice(0, Math.min(cases.length, 500))) await decide(c.sim); // warm-up
  const t0 = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) {
    for (const c of cases) await decide(c.sim);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const decisions = cases.length * passes;
  process.stdout.write(JSON.stringify({ cases: cases.length, passes, seconds, decisionsPerSecond: decisions / seconds }) + '\n');
} else {
  const out = [];
  for (const c of cases) {
    const d = await decide(c.sim);
    out.push(JSON.stringify({ id: c.id, decision: d.decision, error: d.error, ignoredContextKeys: d.ignored }));
  }
  process.stdout.write(out.join('\n') + '\n');
}

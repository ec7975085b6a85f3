/*
 * Waiver policy and approved requests in evaluation (shared/waivers.md).
 */
import {
  AS_OF,
  catalog,
  checkOf,
  evaluate,
  refuted,
  viewOf,
} from '../evidence/__testUtils__/evidenceFixtures';
import { parseAiReadinessConfig } from '../config/schema';
import { createReadinessEngine } from '../engine/engine';
import { builtinEvidenceClaimers } from '../evidence/claimers';
import { controlItemOf, waiverMaxDays, waiverPolicyOf } from './apply';
import { WaiverRequest, waiverRequestsView } from './types';

const REF = 'component:default/assistant';

function request(patch: Partial<WaiverRequest> = {}): WaiverRequest {
  return {
    id: 'w-1',
    entityRef: REF,
    checkId: 'SEC-2',
    category: 'waiver',
    justification: 'the vendor review is booked for January',
    expires: '2026-12-31',
    requestedBy: 'user:default/owner',
    requestedAt: '2026-11-20T10:00:00Z',
    state: 'approved',
    decidedBy: 'user:default/risk-lead',
    decidedAt: '2026-11-21T10:00:00Z',
    comment: 'fine until then',
    ...patch,
  };
}

function evaluateWith(
  requests: WaiverRequest[],
  options: {
    config?: unknown;
    asOf?: string;
    view?: ReturnType<typeof viewOf>;
    annotations?: Record<string, string>;
  } = {},
) {
  const { entities } = catalog(pilot => {
    Object.assign(pilot.metadata.annotations, options.annotations ?? {});
  });
  const engine = createReadinessEngine({ config: options.config });
  const graph = engine.buildGraph(entities);
  return engine.evaluate(entities[0], graph, {
    asOf: options.asOf ?? AS_OF,
    now: new Date('2026-11-27T10:00:00Z'),
    evidence: options.view,
    waivers: waiverRequestsView(requests),
  });
}

const approvalForSecurity = {
  waivers: { policy: { checks: { 'SEC-2': 'approval' } } },
};

describe('waiver policy', () => {
  it('defaults to self, keeps SEC-1 at none and reads the tier maximum', () => {
    const config = parseAiReadinessConfig({
      waivers: { policy: { default: 'approval', checks: { 'SEC-1': 'self' } } },
    }).waivers;
    expect(waiverPolicyOf(parseAiReadinessConfig({}).waivers, 'FB-2')).toBe(
      'self',
    );
    expect(waiverPolicyOf(config, 'FB-2')).toBe('approval');
    expect(waiverPolicyOf(config, 'SEC-1')).toBe('none');
    expect(waiverMaxDays(config, 'high')).toBe(90);
    expect(waiverMaxDays(config, undefined)).toBe(30);
    expect(
      waiverMaxDays(
        parseAiReadinessConfig({ waivers: { maxDays: { limited: 60 } } })
          .waivers,
        'limited',
      ),
    ).toBe(60);
  });

  it('rejects a bad policy naming the key path', () => {
    expect(() =>
      parseAiReadinessConfig({
        waivers: { policy: { checks: { 'SEC-2': 'sometimes' } } },
      }),
    ).toThrow(/aiReadiness\.waivers\.policy\.checks\.SEC-2/);
    expect(() =>
      parseAiReadinessConfig({ waivers: { maxDays: { high: 0 } } }),
    ).toThrow(/aiReadiness\.waivers\.maxDays\.high/);
    expect(() => parseAiReadinessConfig({ waivers: { approver: [] } })).toThrow(
      /aiReadiness\.waivers\.approver/,
    );
  });

  it('an annotation waiver says its source', () => {
    const card = evaluateWith([], {
      annotations: { 'ai-readiness/waiver.SEC-2': '2026-12-31 vendor review' },
    });
    expect(checkOf(card, 'SEC-2').waiver).toEqual({
      expires: '2026-12-31',
      reason: 'vendor review',
      source: 'annotation',
    });
  });

  it('`approval` ignores an annotation waiver and says so', () => {
    const card = evaluateWith([], {
      config: approvalForSecurity,
      annotations: { 'ai-readiness/waiver.SEC-2': '2026-12-31 vendor review' },
    });
    const check = checkOf(card, 'SEC-2');
    expect(check.status).toBe('fail');
    expect(check.waiver).toBeNull();
    expect(check.message).toContain('waivers for SEC-2 need approval');
  });

  it('`none` ignores annotation waivers and approved requests', () => {
    const card = evaluateWith([request()], {
      config: { waivers: { policy: { checks: { 'SEC-2': 'none' } } } },
      annotations: { 'ai-readiness/waiver.SEC-2': '2026-12-31 vendor review' },
    });
    expect(checkOf(card, 'SEC-2').status).toBe('fail');
    expect(checkOf(card, 'SEC-2').message).toContain('cannot be waived');
  });
});

describe('approved requests', () => {
  it('an approved request waives the check, naming the approver', () => {
    const before = evaluateWith([], { config: approvalForSecurity });
    expect(checkOf(before, 'SEC-2').status).toBe('fail');
    const card = evaluateWith([request()], { config: approvalForSecurity });
    const check = checkOf(card, 'SEC-2');
    expect(check.status).toBe('waived');
    expect(check.waiver).toEqual({
      expires: '2026-12-31',
      reason: 'the vendor review is booked for January',
      source: 'approved',
      category: 'waiver',
      approvedBy: 'user:default/risk-lead',
      requestId: 'w-1',
    });
    expect(check.message).toContain('approved by user:default/risk-lead');
    expect(card.score).toBeGreaterThan(before.score);
  });

  it.each(['pending', 'denied', 'revoked', 'expired', 'lapsed'] as const)(
    'a %s request does not waive',
    state => {
      const card = evaluateWith([request({ state })], {
        config: approvalForSecurity,
      });
      expect(checkOf(card, 'SEC-2').status).toBe('fail');
    },
  );

  it('a request for another pilot or check does not waive', () => {
    const card = evaluateWith(
      [
        request({ entityRef: 'component:default/other' }),
        request({ checkId: 'SEC-4' }),
      ],
      { config: approvalForSecurity },
    );
    expect(checkOf(card, 'SEC-2').status).toBe('fail');
  });

  it('applies up to its expiry and, after it (by asOf), the check is evaluated as usual', () => {
    const r = request({ expires: '2026-12-31' });
    expect(
      checkOf(evaluateWith([r], { asOf: '2026-12-31' }), 'SEC-2').status,
    ).toBe('waived');
    const after = checkOf(evaluateWith([r], { asOf: '2027-01-01' }), 'SEC-2');
    expect(after.status).toBe('fail');
    expect(after.waiver).toBeNull();
    expect(after.message).toContain(
      'approved waiver w-1 expired on 2026-12-31',
    );
  });

  it('a mitigated request lapses when its control URL is refuted', () => {
    const r = request({
      category: 'mitigated',
      controlUrl: 'https://controls.example.com/vendor-dpa',
    });
    const item = controlItemOf(r, Object.values(builtinEvidenceClaimers))!;
    expect(item).toEqual({
      collector: 'links',
      target: 'https://controls.example.com/vendor-dpa',
    });
    const verified = evaluateWith([r], {
      view: viewOf({ [`links|${item.target}`]: {} }),
    });
    expect(checkOf(verified, 'SEC-2').status).toBe('waived');
    expect(checkOf(verified, 'SEC-2').waiver?.category).toBe('mitigated');
    // The control is listed with the check's evidence, as collected.
    expect(checkOf(verified, 'SEC-2').evidence).toContainEqual(
      expect.objectContaining({
        collector: 'links',
        target: item.target,
        state: 'verified',
        source: 'waiver request w-1 control',
      }),
    );
    const card = evaluateWith([r], {
      view: viewOf({ [`links|${item.target}`]: refuted('404') }),
    });
    const check = checkOf(card, 'SEC-2');
    expect(check.status).toBe('fail');
    expect(check.message).toContain('approved waiver w-1 lapsed');
  });

  it('does not waive SEC-1 or a passing check', () => {
    const passing = evaluateWith([])
      .dimensions.flatMap(d => d.checks)
      .find(c => c.status === 'pass')!.id;
    const card = evaluateWith([
      request({ checkId: 'SEC-1' }),
      request({ id: 'w-2', checkId: passing }),
    ]);
    expect(checkOf(card, 'SEC-1').status).toBe('fail');
    expect(checkOf(card, passing).status).toBe('pass');
    expect(checkOf(card, passing).waiver).toBeNull();
  });

  it('without requests and with the default policy, nothing changes', () => {
    const { entities } = catalog();
    expect(evaluateWith([])).toEqual(evaluate(entities));
  });
});

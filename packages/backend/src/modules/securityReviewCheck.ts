/*
 * An example backend module for the AI readiness plugin: it adds one check to
 * the rubric through the `ai-readiness.checks` extension point. Copy it to
 * add your organisation's own checks.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  aiReadinessChecksExtensionPoint,
  CheckDefinition,
} from '@ai-readiness/plugin-ai-readiness-node';

/**
 * SECREVIEW-1: the pilot links the sign-off of its security review
 * (`metadata.links` item of type `security-review`) and names the reviewing
 * team in `ai-readiness/security-reviewer`, a Group that must resolve in the
 * catalog (written `appsec` or `group:default/appsec`). Both: pass; one:
 * partial; neither: fail. A link that is not http(s) makes the check `error`
 * (the engine reports the bad field).
 *
 * Its `reads` declare the new reference key with its default kind: that is
 * all it takes for the engine to fetch the named Group when a pilot is
 * evaluated on demand (missingRefs) and for a refresh to read the fields it
 * needs (catalogFields).
 *
 * It counts in the operations dimension (the operating model: who signed
 * what off) rather than in security: with risk tier `high`, L3 needs every
 * security check to pass, and an example should not move the example
 * pilots' levels (it leaves all of examples/ where they are).
 */
export const securityReviewCheck: CheckDefinition = {
  id: 'SECREVIEW-1',
  dimension: 'operations',
  title: 'Security review signed off',
  gate: false,
  frameworks: ['MANAGE 4.1', 'MEASURE 2.7'],
  reads: {
    links: ['security-review'],
    keys: ['security-reviewer'],
    refs: [{ from: 'security-reviewer', defaultKind: 'group' }],
  },
  remediation: {
    text: 'Link the security review of the pilot (threat model, pen test, sign-off) and name the reviewing team.',
    yaml: [
      'metadata:',
      '  annotations:',
      '    ai-readiness/security-reviewer: group:default/appsec',
      '  links:',
      '    - url: https://wiki.example.com/security-reviews/my-pilot',
      '      title: Security review',
      '      type: security-review',
      '',
    ].join('\n'),
  },
  evaluate(ctx) {
    const linked = ctx.hasLink('security-review');
    const key = ctx.k('security-reviewer');
    const value = ctx.key('security-reviewer');
    const reviewer = value
      ? ctx.resolveKey('security-reviewer', value, 'group')
      : undefined;
    const resolved = reviewer?.node?.kind === 'group';
    const link = linked
      ? 'a link of type security-review'
      : 'no link of type security-review';
    let who = `${key} is not set`;
    if (reviewer) {
      who = resolved
        ? `${key} is ${reviewer.ref}`
        : `${key} ${reviewer.ref} does not resolve to a Group`;
    }
    const message = `${link}; ${who}`;
    if (linked && resolved) return { status: 'pass', message };
    if (linked || resolved) return { status: 'partial', message };
    return { status: 'fail', message };
  },
};

/** Adds {@link securityReviewCheck} to the AI readiness rubric. */
export const aiReadinessModuleSecurityReviewCheck = createBackendModule({
  pluginId: 'ai-readiness',
  moduleId: 'security-review-check',
  register(reg) {
    reg.registerInit({
      deps: { checks: aiReadinessChecksExtensionPoint },
      async init({ checks }) {
        checks.addChecks(securityReviewCheck);
      },
    });
  },
});

export default aiReadinessModuleSecurityReviewCheck;

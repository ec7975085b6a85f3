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
 * (`metadata.links` item of type `security-review`). A link that is not
 * http(s) makes the check `error` (the engine reports the bad field).
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
  remediation: {
    text: 'Link the security review of the pilot (threat model, pen test, sign-off).',
    yaml: [
      'metadata:',
      '  links:',
      '    - url: https://wiki.example.com/security-reviews/my-pilot',
      '      title: Security review',
      '      type: security-review',
      '',
    ].join('\n'),
  },
  evaluate(ctx) {
    return ctx.hasLink('security-review')
      ? {
          status: 'pass',
          message: 'metadata.links has a link of type security-review',
        }
      : {
          status: 'fail',
          message: 'metadata.links has no link of type security-review',
        };
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

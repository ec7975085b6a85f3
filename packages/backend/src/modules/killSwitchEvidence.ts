/*
 * An example backend module for the AI readiness plugin: it adds an evidence
 * collector through the `ai-readiness.evidence` extension point. The
 * collector checks that the feature flag a pilot names as its kill switch
 * (`ai-readiness/kill-switch`) exists in the flag register. Copy it to
 * verify your own systems.
 *
 * The register here is a list in config (`featureFlags.known`), so that the
 * example runs anywhere; a real module would call its flag service's API in
 * `lookup` (through a host its config names, with a timeout), exactly where
 * the list is read below.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  aiReadinessEvidenceExtensionPoint,
  collectEach,
  EvidenceCollector,
} from '@ai-readiness/plugin-ai-readiness-node';

/** Builds the collector over a flag register (a set of flag keys). */
export function createKillSwitchCollector(
  knownFlags: ReadonlySet<string>,
): EvidenceCollector {
  return {
    id: 'feature-flags',
    // Every check that reads `<prefix>kill-switch` offers its value; the
    // flag key is the target. Other candidates are left to other collectors.
    claim(candidate) {
      if (candidate.type !== 'value') return undefined;
      if (!/(^|\/)kill-switch$/.test(candidate.name)) return undefined;
      const flag = candidate.value.trim();
      return flag || undefined;
    },
    // Each distinct flag once per run, at most 4 lookups at once.
    collect(targets, { signal }) {
      return collectEach(targets, { concurrency: 4, signal }, async flag =>
        knownFlags.has(flag)
          ? { state: 'verified', detail: 'flag exists' }
          : { state: 'refuted', detail: 'no such flag in the register' },
      );
    },
  };
}

/** Adds the kill-switch collector to the AI readiness evidence. */
export const aiReadinessModuleKillSwitchEvidence = createBackendModule({
  pluginId: 'ai-readiness',
  moduleId: 'kill-switch-evidence',
  register(reg) {
    reg.registerInit({
      deps: {
        evidence: aiReadinessEvidenceExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ evidence, config }) {
        const known = config.getOptionalStringArray('featureFlags.known');
        // Off unless the register is configured, like the built-in collectors.
        if (known)
          evidence.addCollector(createKillSwitchCollector(new Set(known)));
      },
    });
  },
});

export default aiReadinessModuleKillSwitchEvidence;

/*
 * Wires evidence into the plugin (shared/evidence.md) with a few lines in
 * plugin.ts: the collectors (built-in ones the config turns on, then those
 * of modules) and the stored results evaluation reads. The collection
 * service is built once the refresher exists (it re-evaluates through it);
 * the collection task lives in scheduler/.
 */
import type { RootConfigService } from '@backstage/backend-plugin-api';
import type { EvidenceConfig } from '@ai-readiness/plugin-ai-readiness-common';
import type { EvidenceCollector } from '@ai-readiness/plugin-ai-readiness-node';
import type { EvidenceStore } from '../../database/EvidenceStore';
import { createBuiltinCollectors } from './collectors';
import { createEvidenceResults } from './createEvidenceResults';
import { EvidenceSettings, readEvidenceSettings } from './readEvidenceSettings';
import type { EvidenceResults } from './types';

export function setupEvidence(options: {
  config: RootConfigService;
  /** The parsed `aiReadiness.evidence` (already validated). */
  evidenceConfig: EvidenceConfig | undefined;
  /** Collectors added by modules through the extension point. */
  addedCollectors: readonly EvidenceCollector[];
  store: EvidenceStore;
}): {
  settings: EvidenceSettings;
  /** Built-in collectors first, then those of modules. */
  collectors: EvidenceCollector[];
  /** What every evaluation reads (hand `results.view()` to the evaluator). */
  results: EvidenceResults;
} {
  const settings = readEvidenceSettings(options.config, options.evidenceConfig);
  const collectors = [
    ...createBuiltinCollectors({
      config: options.evidenceConfig,
      timeoutMs: settings.timeoutMs,
    }),
    ...options.addedCollectors,
  ];
  const results = createEvidenceResults({
    claimers: collectors,
    store: options.store,
    maxAgeMs: settings.maxAgeMs,
    requireVerified: settings.requireVerified,
  });
  return { settings, collectors, results };
}

/*
 * Read declarations shared by several built-in checks.
 */
import type { CheckReads, ReferenceRead } from '../types';
import { ON_CALL_ANNOTATIONS } from '../../engine/context';

export { mergeReads } from '../reads';

/** The on-call route: its annotations on the pilot and on its owner Group. */
export const ON_CALL_READS: CheckReads = {
  annotations: ON_CALL_ANNOTATIONS,
  refs: [{ from: 'spec.owner', reads: { annotations: ON_CALL_ANNOTATIONS } }],
};

/** The pilot's dependencies, with their type (data resource, model dependency). */
export const DEPENDS_ON_TYPED: ReferenceRead = {
  from: 'spec.dependsOn',
  reads: { fields: ['spec.type'] },
};

/** What the pilot uses (dependsOn and consumesApis), with their type. */
export const USES_TYPED: readonly ReferenceRead[] = [
  DEPENDS_ON_TYPED,
  { from: 'spec.consumesApis', reads: { fields: ['spec.type'] } },
];

import type { CheckDefinition } from '../types';
import { ownershipChecks } from './ownership';
import { dataChecks } from './data';
import { integrationChecks } from './integration';
import { fallbackChecks } from './fallback';
import { monitoringChecks } from './monitoring';
import { securityChecks } from './security';
import { operationsChecks } from './operations';

/** The 34 checks of the default rubric, in rubric order. @public */
export const defaultChecks: readonly CheckDefinition[] = [
  ...ownershipChecks,
  ...dataChecks,
  ...integrationChecks,
  ...fallbackChecks,
  ...monitoringChecks,
  ...securityChecks,
  ...operationsChecks,
];

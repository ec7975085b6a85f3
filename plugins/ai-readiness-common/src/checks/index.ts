export * from './types';
export { defaultChecks } from './builtin';
export { customCheck } from './custom';
export { snippet } from './yaml';
export { AI_SIGNALS } from './builtin/monitoring';
export { walkReads, mergeReads } from './reads';

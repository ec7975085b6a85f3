export * from './types';
export {
  assertNotTemplate,
  findTemplateMarker,
  patchCatalogInfo,
} from './patchCatalogInfo';
export { selectFixes } from './selectFixes';
export type { FixSelection } from './selectFixes';
export { unifiedDiff } from './unifiedDiff';
export * from './summary';

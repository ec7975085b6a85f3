/**
 * The scaffolder action ai-readiness:catalog-info:patch: closes AI readiness
 * gaps in an entity's catalog-info.yaml through a pull request.
 *
 * @packageDocumentation
 */
export { scaffolderModuleAiReadiness as default } from './module';
export {
  createCatalogInfoPatchAction,
  PATCH_ACTION_ID,
} from './actions/createCatalogInfoPatchAction';
export type { CatalogInfoPatchActionOptions } from './actions/createCatalogInfoPatchAction';

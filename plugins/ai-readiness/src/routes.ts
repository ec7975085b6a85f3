import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/core-plugin-api';

/** The org-wide page, mounted at `/ai-readiness` in the app. */
export const rootRouteRef = createRouteRef({ id: 'ai-readiness' });

/** Path of the readiness tab below an entity page. */
export const AI_READINESS_TAB_PATH = 'ai-readiness';

/** The campaign pages, mounted at `/ai-readiness/campaigns` in the app. */
export const campaignsRouteRef = createRouteRef({
  id: 'ai-readiness-campaigns',
});

/** The approvers' waiver page, mounted at `/ai-readiness/waivers` in the app. @public */
export const waiversRouteRef = createRouteRef({
  id: 'ai-readiness-waivers',
});

/**
 * The scaffolder's root page (`/create` in most apps), where the template
 * ai-readiness-fix opens pull requests. Optional: without it the fix dialog
 * offers the patched file to download. Bound by default to `scaffolder.root`
 * in the new frontend system; in a legacy app, bind it in `bindRoutes`.
 */
export const scaffolderRouteRef = createExternalRouteRef({
  id: 'ai-readiness-scaffolder',
  optional: true,
  defaultTarget: 'scaffolder.root',
});

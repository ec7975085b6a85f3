import { createRouteRef } from '@backstage/core-plugin-api';

/** The org-wide page, mounted at `/ai-readiness` in the app. */
export const rootRouteRef = createRouteRef({ id: 'ai-readiness' });

/** Path of the readiness tab below an entity page. */
export const AI_READINESS_TAB_PATH = 'ai-readiness';

/** The campaign pages, mounted at `/ai-readiness/campaigns` in the app. */
export const campaignsRouteRef = createRouteRef({
  id: 'ai-readiness-campaigns',
});

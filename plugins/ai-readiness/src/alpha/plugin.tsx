import {
  ApiBlueprint,
  ExtensionDefinition,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  CatalogFilterBlueprint,
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { compatWrapper } from '@backstage/core-compat-api';
import AssessmentIcon from '@material-ui/icons/Assessment';
import { aiReadinessApiRef, AiReadinessClient } from '../api';
import { isAiReadinessAvailable } from '../scope/aiReadinessScope';
import {
  AI_READINESS_TAB_PATH,
  campaignsRouteRef,
  rootRouteRef,
  scaffolderRouteRef,
  waiversRouteRef,
} from '../routes';

/** @alpha */
export const aiReadinessApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: aiReadinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AiReadinessClient({ discoveryApi, fetchApi }),
    }),
});

/** @alpha */
export const aiReadinessPage = PageBlueprint.make({
  params: {
    path: '/ai-readiness',
    title: 'AI readiness',
    icon: <AssessmentIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('../components/AiReadinessPage').then(m =>
        compatWrapper(<m.AiReadinessPage />),
      ),
  },
});

/** @alpha */
// Typed as ExtensionDefinition: the inferred blueprint types reference the
// filter-predicates package, which declaration output cannot always name.
export const aiReadinessEntityContent: ExtensionDefinition =
  EntityContentBlueprint.make({
    params: {
      path: AI_READINESS_TAB_PATH,
      title: 'AI readiness',
      // Synchronous: the backend's answer once known (the overview card asks
      // and re-renders the page), else the quick rule.
      filter: isAiReadinessAvailable,
      loader: () =>
        import('../components/EntityAiReadinessContent').then(m =>
          compatWrapper(<m.EntityAiReadinessContent />),
        ),
    },
  });

/** @alpha */
export const aiReadinessEntityCard: ExtensionDefinition =
  EntityCardBlueprint.make({
    name: 'overview',
    params: {
      // No filter: the gate asks the backend whether it scores the entity
      // (a pilot may be one only through its dependency on a model).
      loader: () =>
        Promise.all([
          import('../components/EntityAiReadinessCard'),
          import('../components/AiReadinessScopeGate'),
        ]).then(([card, gate]) =>
          compatWrapper(
            <gate.AiReadinessScopeGate>
              <card.EntityAiReadinessCard />
            </gate.AiReadinessScopeGate>,
          ),
        ),
    },
  });

/** @alpha */
export const aiReadinessCampaignsPage = PageBlueprint.make({
  name: 'campaigns',
  params: {
    path: '/ai-readiness/campaigns',
    title: 'AI readiness campaigns',
    routeRef: campaignsRouteRef,
    loader: () =>
      import('../components/CampaignsPage').then(m =>
        compatWrapper(<m.CampaignsPage />),
      ),
  },
});

/** @alpha */
export const aiReadinessWaiversPage = PageBlueprint.make({
  name: 'waivers',
  params: {
    path: '/ai-readiness/waivers',
    title: 'AI readiness waivers',
    routeRef: waiversRouteRef,
    loader: () =>
      import('../components/WaiversPage').then(m =>
        compatWrapper(<m.WaiversPage />),
      ),
  },
});

const isKind = (kind: string) => (entity: { kind: string }) =>
  entity.kind.toLocaleLowerCase('en-US') === kind;

/** @alpha */
export const aiReadinessGroupCard: ExtensionDefinition =
  EntityCardBlueprint.make({
    name: 'group',
    params: {
      filter: isKind('group'),
      loader: () =>
        import('../components/EntityTeamReadinessCard').then(m =>
          compatWrapper(<m.EntityTeamReadinessCard />),
        ),
    },
  });

/** @alpha */
export const aiReadinessSystemCard: ExtensionDefinition =
  EntityCardBlueprint.make({
    name: 'system',
    params: {
      filter: isKind('system'),
      loader: () =>
        import('../components/EntityTeamReadinessCard').then(m =>
          compatWrapper(<m.EntityTeamReadinessCard />),
        ),
    },
  });

/** The level filter of the catalog index page. @alpha */
export const aiReadinessLevelCatalogFilter: ExtensionDefinition =
  CatalogFilterBlueprint.make({
    name: 'level',
    params: {
      loader: () =>
        import('../components/CatalogReadiness').then(m =>
          compatWrapper(<m.AiReadinessLevelPicker />),
        ),
    },
  });

/**
 * The plugin for the new frontend system: the API, the org page at
 * `/ai-readiness`, the readiness tab and the overview card (both only on the
 * entities the backend scores).
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'ai-readiness',
  title: 'AI readiness',
  icon: <AssessmentIcon />,
  routes: {
    root: rootRouteRef,
    campaigns: campaignsRouteRef,
    waivers: waiversRouteRef,
  },
  externalRoutes: { scaffolder: scaffolderRouteRef },
  extensions: [
    aiReadinessApi,
    aiReadinessPage,
    aiReadinessEntityContent,
    aiReadinessEntityCard,
    aiReadinessCampaignsPage,
    aiReadinessWaiversPage,
    aiReadinessGroupCard,
    aiReadinessSystemCard,
    aiReadinessLevelCatalogFilter,
  ],
});

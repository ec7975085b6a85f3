import { Fragment, ReactElement } from 'react';
import { Button, Grid, GridSize } from '@material-ui/core';
import {
  EntityApiDefinitionCard,
  EntityConsumedApisCard,
  EntityConsumingComponentsCard,
  EntityHasApisCard,
  EntityProvidedApisCard,
  EntityProvidingComponentsCard,
} from '@backstage/plugin-api-docs';
import {
  EntityAboutCard,
  EntityDependsOnComponentsCard,
  EntityDependsOnResourcesCard,
  EntityHasComponentsCard,
  EntityHasResourcesCard,
  EntityHasSubcomponentsCard,
  EntityHasSystemsCard,
  EntityLayout,
  EntityLinksCard,
  EntitySwitch,
  EntityOrphanWarning,
  EntityProcessingErrorsPanel,
  isComponentType,
  isKind,
  hasCatalogProcessingErrors,
  isOrphan,
  hasRelationWarnings,
  EntityRelationWarning,
  EntityLayoutRouteProps,
  EntitySwitchCaseProps,
} from '@backstage/plugin-catalog';
import {
  EntityUserProfileCard,
  EntityGroupProfileCard,
  EntityMembersListCard,
  EntityOwnershipCard,
} from '@backstage/plugin-org';
import { EmptyState } from '@backstage/core-components';
import {
  Direction,
  EntityCatalogGraphCard,
} from '@backstage/plugin-catalog-graph';
import {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import {
  EntityAiReadinessCard,
  EntityAiReadinessContent,
  isAiReadinessAvailable,
  isAiReadinessScored,
  loadAiReadinessScope,
  EntityGroupAiReadinessCard,
  EntitySystemAiReadinessCard,
} from '@ai-readiness/plugin-ai-readiness';

const cicdContent = (
  // This is an example of how you can implement your company's logic in entity page.
  // You can for example enforce that all components of type 'service' should use GitHubActions
  <EntitySwitch>
    {/*
      Here you can add support for different CI/CD services, for example
      using @backstage-community/plugin-github-actions as follows:
      <EntitySwitch.Case if={isGithubActionsAvailable}>
        <EntityGithubActionsContent />
      </EntitySwitch.Case>
     */}
    <EntitySwitch.Case>
      <EmptyState
        title="No CI/CD available for this entity"
        missing="info"
        description="You need to add an annotation to your component if you want to enable CI/CD for it. You can read more about annotations in Backstage by clicking the button below."
        action={
          <Button
            variant="contained"
            color="primary"
            href="https://backstage.io/docs/features/software-catalog/well-known-annotations"
          >
            Read more
          </Button>
        }
      />
    </EntitySwitch.Case>
  </EntitySwitch>
);

const entityWarningContent = (
  <>
    <EntitySwitch>
      <EntitySwitch.Case if={isOrphan}>
        <Grid item xs={12}>
          <EntityOrphanWarning />
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>

    <EntitySwitch>
      <EntitySwitch.Case if={hasRelationWarnings}>
        <Grid item xs={12}>
          <EntityRelationWarning />
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>

    <EntitySwitch>
      <EntitySwitch.Case if={hasCatalogProcessingErrors}>
        <Grid item xs={12}>
          <EntityProcessingErrorsPanel />
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>
  </>
);

/** A card in a grid: its column widths, and when it shows (always if no `if`). */
type Cell =
  | {
      card: ReactElement;
      md?: GridSize;
      xs?: GridSize;
      if?: EntitySwitchCaseProps['if'];
    }
  | ReactElement;

/** Grid items of the cells, in order. */
const gridItems = (cells: Cell[]) =>
  cells.map((cell, i) => {
    if (!('card' in cell)) return <Fragment key={i}>{cell}</Fragment>;
    const item = (
      <Grid item md={cell.md} xs={cell.xs}>
        {cell.card}
      </Grid>
    );
    return cell.if ? (
      <EntitySwitch key={i}>
        <EntitySwitch.Case if={cell.if}>{item}</EntitySwitch.Case>
      </EntitySwitch>
    ) : (
      <Fragment key={i}>{item}</Fragment>
    );
  });

/** A grid of cards (spacing 3), after the entity's warnings unless `bare`. */
const cardGrid = (
  cells: Cell[],
  options: { stretch?: boolean; bare?: boolean } = {},
) => (
  <Grid
    container
    spacing={3}
    alignItems={options.stretch ? 'stretch' : undefined}
  >
    {options.bare ? null : entityWarningContent}
    {gridItems(cells)}
  </Grid>
);

/** A tab of an entity page; shown when `if` holds (always if no `if`). */
type Tab = Omit<EntityLayoutRouteProps, 'children'> & {
  content: JSX.Element;
};

const entityLayout = (tabs: Tab[]) => (
  <EntityLayout>
    {tabs.map(tab => (
      <EntityLayout.Route
        key={tab.path}
        path={tab.path}
        title={tab.title}
        if={tab.if}
      >
        {tab.content}
      </EntityLayout.Route>
    ))}
  </EntityLayout>
);

/** The about card and the relations graph: the top of most overviews. */
const aboutAndGraph: Cell[] = [
  { card: <EntityAboutCard />, md: 6 },
  { card: <EntityCatalogGraphCard height={400} />, md: 6, xs: 12 },
];
const linksCell: Cell = { card: <EntityLinksCard />, md: 4, xs: 12 };

const overviewTab: Tab = {
  path: '/',
  title: 'Overview',
  content: cardGrid(
    [
      ...aboutAndGraph,
      linksCell,
      { card: <EntityHasSubcomponentsCard />, md: 8, xs: 12 },
      {
        card: <EntityAiReadinessCard />,
        md: 6,
        xs: 12,
        if: isAiReadinessScored,
      },
    ],
    { stretch: true },
  ),
};

const cicdTab: Tab = { path: '/ci-cd', title: 'CI/CD', content: cicdContent };

const apiTab: Tab = {
  path: '/api',
  title: 'API',
  content: cardGrid(
    [
      { card: <EntityProvidedApisCard />, md: 6 },
      { card: <EntityConsumedApisCard />, md: 6 },
    ],
    { stretch: true, bare: true },
  ),
};

const dependenciesTab: Tab = {
  path: '/dependencies',
  title: 'Dependencies',
  content: cardGrid(
    [
      { card: <EntityDependsOnComponentsCard />, md: 6 },
      { card: <EntityDependsOnResourcesCard />, md: 6 },
    ],
    { stretch: true, bare: true },
  ),
};

const aiReadinessTab: Tab = {
  path: '/ai-readiness',
  title: 'AI readiness',
  content: <EntityAiReadinessContent />,
  if: isAiReadinessAvailable,
};

const serviceEntityPage = entityLayout([
  overviewTab,
  cicdTab,
  apiTab,
  dependenciesTab,
  aiReadinessTab,
]);

const websiteEntityPage = entityLayout([
  overviewTab,
  cicdTab,
  dependenciesTab,
  aiReadinessTab,
]);

/**
 * NOTE: This page is designed to work on small screens such as mobile devices.
 * This is based on Material UI Grid. If breakpoints are used, each grid item must set the `xs` prop to a column size or to `true`,
 * since this does not default. If no breakpoints are used, the items will equitably share the available space.
 * https://material-ui.com/components/grid/#basic-grid.
 */

const defaultEntityPage = entityLayout([overviewTab, aiReadinessTab]);

const componentPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isComponentType('service')}>
      {serviceEntityPage}
    </EntitySwitch.Case>

    <EntitySwitch.Case if={isComponentType('website')}>
      {websiteEntityPage}
    </EntitySwitch.Case>

    <EntitySwitch.Case>{defaultEntityPage}</EntitySwitch.Case>
  </EntitySwitch>
);

const apiPage = entityLayout([
  {
    path: '/',
    title: 'Overview',
    content: cardGrid([
      ...aboutAndGraph,
      linksCell,
      <Grid container item md={12}>
        {gridItems([
          { card: <EntityProvidingComponentsCard />, md: 6 },
          { card: <EntityConsumingComponentsCard />, md: 6 },
        ])}
      </Grid>,
    ]),
  },
  {
    path: '/definition',
    title: 'Definition',
    content: cardGrid([{ card: <EntityApiDefinitionCard />, xs: 12 }], {
      bare: true,
    }),
  },
]);

const userPage = entityLayout([
  {
    path: '/',
    title: 'Overview',
    content: cardGrid([
      { card: <EntityUserProfileCard />, md: 6, xs: 12 },
      { card: <EntityOwnershipCard />, md: 6, xs: 12 },
    ]),
  },
]);

const groupPage = entityLayout([
  {
    path: '/',
    title: 'Overview',
    content: cardGrid(
      [
        <EntityGroupProfileCard />,
        <EntityOwnershipCard />,
        <EntityMembersListCard />,
        <EntityLinksCard />,
        <EntityGroupAiReadinessCard />,
      ].map(card => ({ card, md: 6, xs: 12 })),
    ),
  },
]);

const systemPage = entityLayout([
  {
    path: '/',
    title: 'Overview',
    content: cardGrid(
      [
        ...aboutAndGraph,
        linksCell,
        { card: <EntityHasComponentsCard />, md: 8 },
        { card: <EntityHasApisCard />, md: 6 },
        { card: <EntityHasResourcesCard />, md: 6 },
        { card: <EntitySystemAiReadinessCard />, md: 6, xs: 12 },
      ],
      { stretch: true },
    ),
  },
  {
    path: '/diagram',
    title: 'Diagram',
    content: (
      <EntityCatalogGraphCard
        direction={Direction.TOP_BOTTOM}
        title="System Diagram"
        height={700}
        relations={[
          RELATION_PART_OF,
          RELATION_HAS_PART,
          RELATION_API_CONSUMED_BY,
          RELATION_API_PROVIDED_BY,
          RELATION_CONSUMES_API,
          RELATION_PROVIDES_API,
          RELATION_DEPENDENCY_OF,
          RELATION_DEPENDS_ON,
        ]}
        unidirectional={false}
      />
    ),
  },
]);

const domainPage = entityLayout([
  {
    path: '/',
    title: 'Overview',
    content: cardGrid(
      [...aboutAndGraph, { card: <EntityHasSystemsCard />, md: 6 }],
      { stretch: true },
    ),
  },
]);

export const entityPage = (
  <EntitySwitch>
    {/* never matches: asks the AI readiness backend first, so that the
        readiness tab (isAiReadinessAvailable) knows its answer */}
    <EntitySwitch.Case if={loadAiReadinessScope} children={null} />
    <EntitySwitch.Case if={isKind('component')} children={componentPage} />
    <EntitySwitch.Case if={isKind('api')} children={apiPage} />
    <EntitySwitch.Case if={isKind('group')} children={groupPage} />
    <EntitySwitch.Case if={isKind('user')} children={userPage} />
    <EntitySwitch.Case if={isKind('system')} children={systemPage} />
    <EntitySwitch.Case if={isKind('domain')} children={domainPage} />

    <EntitySwitch.Case>{defaultEntityPage}</EntitySwitch.Case>
  </EntitySwitch>
);

/*
 * The plugin wired into the app of create-app's `--legacy` template as
 * docs/frontend.md ("Legacy frontend system") shows it: the pages and the
 * catalog column in App.tsx, the card, the tab and the team cards in
 * EntityPage.tsx, the sidebar item in Root.tsx. Each edit is anchored on a
 * line of the template and fails loudly when the template changed.
 */
const fs = require('fs');
const path = require('path');

/** Applies `[anchor, replace]` pairs to a file; every anchor must match. */
function edit(file, edits) {
  let text = fs.readFileSync(file, 'utf8');
  for (const [anchor, replace] of edits) {
    if (!anchor.test(text)) {
      throw new Error(`${file}: the template has no match for ${anchor}`);
    }
    text = text.replace(anchor, replace);
  }
  fs.writeFileSync(file, text);
}

const PACKAGE = '@ai-readiness/plugin-ai-readiness';

function wireLegacyApp(appDir) {
  const src = path.join(appDir, 'src');
  edit(path.join(src, 'App.tsx'), [
    [
      /^import \{ Navigate, Route \} from 'react-router-dom';$/m,
      `$&
import {
  AiReadinessCampaignsPage,
  AiReadinessLevelPicker,
  AiReadinessPage,
  createAiReadinessColumn,
} from '${PACKAGE}';
import { DefaultFilters } from '@backstage/plugin-catalog-react';`,
    ],
    [
      /^([ \t]*)CatalogIndexPage,$/m,
      '$1CatalogIndexPage,\n$1CatalogTable,\n$1CatalogTableRow,',
    ],
    [
      /<Route path="\/catalog" element=\{<CatalogIndexPage \/>\} \/>/,
      `<Route
      path="/catalog"
      element={
        <CatalogIndexPage
          columns={context => [
            ...CatalogTable.defaultColumnsFunc(context),
            createAiReadinessColumn<CatalogTableRow>(),
          ]}
          filters={
            <>
              <DefaultFilters />
              <AiReadinessLevelPicker />
            </>
          }
        />
      }
    />`,
    ],
    [
      /^([ \t]*)<Route path="\/settings" element=\{<UserSettingsPage \/>\} \/>$/m,
      `$1<Route path="/ai-readiness" element={<AiReadinessPage />} />
$1<Route
$1  path="/ai-readiness/campaigns"
$1  element={<AiReadinessCampaignsPage />}
$1/>
$&`,
    ],
  ]);

  edit(path.join(src, 'components', 'catalog', 'EntityPage.tsx'), [
    [
      /^import \{ EmptyState \} from '@backstage\/core-components';$/m,
      `$&
import {
  EntityAiReadinessCard,
  EntityAiReadinessContent,
  EntityGroupAiReadinessCard,
  EntitySystemAiReadinessCard,
  isAiReadinessAvailable,
  isAiReadinessScored,
  loadAiReadinessScope,
} from '${PACKAGE}';`,
    ],
    // the overview card, after the subcomponents card of overviewContent
    [
      /(<EntityHasSubcomponentsCard \/>\n\s*<\/Grid>\n)/,
      `$1    <EntitySwitch>
      <EntitySwitch.Case if={isAiReadinessScored}>
        <Grid item md={6} xs={12}>
          <EntityAiReadinessCard />
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>
`,
    ],
    // the tab before the Docs tab of the service, website and default pages
    [
      /^([ \t]*)<EntityLayout\.Route path="\/docs" title="Docs">$/gm,
      `$1<EntityLayout.Route
$1  path="/ai-readiness"
$1  title="AI readiness"
$1  if={isAiReadinessAvailable}
$1>
$1  <EntityAiReadinessContent />
$1</EntityLayout.Route>

$&`,
    ],
    // the team cards, after the members card of the group page and after
    // the about card of the system page
    [
      /(<EntityMembersListCard \/>\n\s*<\/Grid>\n)/,
      `$1        <Grid item xs={12} md={6}>
          <EntityGroupAiReadinessCard />
        </Grid>
`,
    ],
    [
      /(const systemPage = \(\n[\s\S]*?<EntityAboutCard \/>\n\s*<\/Grid>\n)/,
      `$1        <Grid item md={6} xs={12}>
          <EntitySystemAiReadinessCard />
        </Grid>
`,
    ],
    [
      /(export const entityPage = \(\n\s*<EntitySwitch>\n)/,
      `$1    <EntitySwitch.Case if={loadAiReadinessScope} children={null} />
`,
    ],
  ]);

  edit(path.join(src, 'components', 'Root', 'Root.tsx'), [
    [
      /^import HomeIcon from '@material-ui\/icons\/Home';$/m,
      `$&\nimport AssessmentIcon from '@material-ui/icons/Assessment';`,
    ],
    [
      /^([ \t]*)<SidebarItem icon=\{HomeIcon\} to="catalog" text="Home" \/>$/m,
      `$&
$1<SidebarItem
$1  icon={AssessmentIcon}
$1  to="ai-readiness"
$1  text="AI readiness"
$1/>`,
    ],
  ]);
}

module.exports = { wireLegacyApp };

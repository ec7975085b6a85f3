import { Content, Header, Page } from '@backstage/core-components';
import { Route, Routes, useParams } from 'react-router-dom';
import { CampaignDetailView } from './CampaignDetailView';
import { CampaignList } from './CampaignList';

function CampaignRoute() {
  const { id } = useParams();
  return <CampaignDetailView id={id ?? ''} />;
}

/**
 * The campaign pages (mounted at `/ai-readiness/campaigns`): the list, and
 * one page per campaign at `./:id`.
 */
export function CampaignsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="AI readiness campaigns"
        subtitle="Drives to bring AI pilots to a goal by a deadline"
      />
      <Content>
        <Routes>
          <Route path="/" element={<CampaignList />} />
          <Route path="/:id" element={<CampaignRoute />} />
        </Routes>
      </Content>
    </Page>
  );
}

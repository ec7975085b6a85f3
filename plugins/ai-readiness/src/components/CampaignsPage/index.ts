export { CampaignsPage } from './CampaignsPage';
export { CampaignDetailView } from './CampaignDetailView';
export { CampaignList } from './CampaignList';

import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';
import { homeModule } from './modules/home';

// The plugins come from the app's dependencies (app.packages: all in
// app-config.yaml), AI readiness included; these are the app's own parts.
export default createApp({
  features: [catalogPlugin, navModule, signInModule, homeModule],
});

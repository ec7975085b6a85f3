import { Navigate } from 'react-router-dom';
import {
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

/** `/` opens the catalog, whose list starts with every entity. */
const homeRedirect = PageBlueprint.make({
  name: 'home',
  params: {
    path: '/',
    loader: async () => <Navigate to="/catalog" replace />,
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'app',
  extensions: [homeRedirect],
});

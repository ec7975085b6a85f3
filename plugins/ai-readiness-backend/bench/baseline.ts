/*
 * The benches' baseline: a trivial authenticated route behind the same
 * middleware, so that a route's figures are read against it in the same run.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';

/** GET /api/bench-baseline/ping: credentials checked, nothing else. */
export const baselinePlugin = createBackendPlugin({
  pluginId: 'bench-baseline',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({ httpRouter, httpAuth }) {
        const router = Router();
        router.get('/ping', async (req, res) => {
          await httpAuth.credentials(req, { allow: ['user', 'service'] });
          res.json({ ok: true });
        });
        httpRouter.use(router);
      },
    });
  },
});

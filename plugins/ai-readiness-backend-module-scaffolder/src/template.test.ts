/*
 * The template ai-readiness-fix, run by the scaffolder with this module and
 * the GitHub module against a loopback GitHub: the pull request holds the
 * file POST /fixes/preview showed, byte for byte.
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { parseDocument } from 'yaml';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import aiReadinessPlugin from '@ai-readiness/plugin-ai-readiness-backend';
import { startFakeGithub } from './__testUtils__/fakeGithub';
import scaffolderModule from './index';

jest.setTimeout(120_000);

const TEMPLATE_FILE = path.resolve(
  __dirname,
  '../../../templates/ai-readiness-fix/template.yaml',
);
const FILE_PATH = 'deploy/catalog-info.yaml';
const FILE_URL = `https://github.com/northwind/claims-bot/blob/main/${FILE_PATH}`;
const TEXT = [
  '# The claims bot',
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: claims-bot',
  '  annotations:',
  '    ai-readiness/risk-tier: "unknown" # to decide',
  'spec:',
  '  type: llm-app',
  '  lifecycle: experimental',
  '  owner: group:default/ml',
  '---',
  'apiVersion: backstage.io/v1alpha1',
  'kind: API',
  'metadata:',
  '  name: claims-api',
  '',
].join('\r\n');

function withNamespace(
  entity: Entity,
  annotations: Record<string, string> = {},
): Entity {
  return {
    ...entity,
    metadata: {
      namespace: 'default',
      ...entity.metadata,
      annotations: { ...entity.metadata.annotations, ...annotations },
    },
  };
}

describe('template ai-readiness-fix', () => {
  it('opens a pull request with the previewed file, a branch for the fix and the checks in the title and body', async () => {
    const github = await startFakeGithub({
      owner: 'northwind',
      repo: 'claims-bot',
      defaultBranch: 'main',
      files: { [FILE_PATH]: TEXT },
    });
    const pilot = withNamespace(parseDocument(TEXT).toJS(), {
      'backstage.io/managed-by-location': `url:${FILE_URL}`,
      'backstage.io/managed-by-origin-location': `url:${FILE_URL}`,
    });
    const team: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'ml', namespace: 'default' },
      spec: { type: 'team', children: [] },
    };
    const template = withNamespace(
      parseDocument(fs.readFileSync(TEMPLATE_FILE, 'utf8')).toJS(),
      { 'backstage.io/managed-by-location': `file:${TEMPLATE_FILE}` },
    );

    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        githubModule,
        scaffolderModule,
        aiReadinessPlugin,
        catalogServiceMock.factory({ entities: [pilot, team, template] }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async () => {} }),
        }),
        createServiceFactory({
          service: actionsRegistryServiceRef,
          deps: {},
          factory: () =>
            actionsRegistryServiceMock({ logger: mockServices.logger.mock() }),
        }),
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [
                {
                  host: 'github.com',
                  apiBaseUrl: github.baseUrl,
                  token: 'test-token',
                },
              ],
            },
          },
        }),
      ],
    });
    try {
      const checks = ['SEC-1', 'OWN-4'];
      const preview = await request(backend.server)
        .post('/api/ai-readiness/fixes/preview')
        .send({ entityRef: 'component:default/claims-bot', checks });
      expect(preview.body.error?.message).toBeUndefined();
      expect(preview.status).toBe(200);
      expect(preview.body.file.path).toBe(FILE_PATH);
      expect(preview.body.checks).toEqual(checks);

      const created = await request(backend.server)
        .post('/api/scaffolder/v2/tasks')
        .send({
          templateRef: 'template:default/ai-readiness-fix',
          values: { entityRef: 'component:default/claims-bot', checks },
        });
      expect(created.status).toBe(201);
      const taskId = created.body.id;

      let task: any;
      for (let i = 0; i < 600; i++) {
        task = (
          await request(backend.server).get(
            `/api/scaffolder/v2/tasks/${taskId}`,
          )
        ).body;
        if (task.status === 'completed' || task.status === 'failed') break;
        await new Promise(resolve => setTimeout(resolve, 100));
      }
      if (task.status !== 'completed') {
        const events = await request(backend.server).get(
          `/api/scaffolder/v2/tasks/${taskId}/events`,
        );
        const log = events.body
          .map((e: any) => e.body?.message)
          .filter(Boolean)
          .join('\n');
        throw new Error(`task ${task.status}:\n${log}`);
      }

      // The branch, the committed file (the preview's, byte for byte), the pull request.
      const branch = 'ai-readiness/fix-claims-bot-sec-1-own-4';
      expect(github.refs).toEqual([
        { ref: `refs/heads/${branch}`, sha: 'commit-1' },
      ]);
      expect(github.trees).toHaveLength(1);
      expect(github.trees[0].tree.map(item => item.path)).toEqual([FILE_PATH]);
      expect(github.committedFile(FILE_PATH)).toBe(preview.body.patched);
      expect(preview.body.patched).toContain(
        '\r\n    - url: https://wiki.example.com/my-pilot/raci\r\n',
      );

      expect(github.pulls).toEqual([
        {
          head: `northwind:${branch}`,
          base: 'main',
          draft: false,
          title:
            'AI readiness: close SEC-1, OWN-4 for component:default/claims-bot',
          body: [
            'Closes these AI readiness checks of `component:default/claims-bot` by writing their remediations into its catalog-info.yaml:',
            '',
            '- **SEC-1** Risk tier assessed',
            '- **OWN-4** Joint accountability written down',
            '',
            "The values come from the rubric's examples (a placeholder team, person or link may need your real one): review them before merging.",
            '',
            'Notes:',
            '',
            '- SEC-1: metadata.annotations.ai-readiness/risk-tier: "unknown" replaced by limited',
            '',
          ].join('\n'),
        },
      ]);
      expect(task.status).toBe('completed');
    } finally {
      await backend.stop();
      await github.close();
    }
  });
});

/*
 * The template ai-readiness-fix, run by the scaffolder with this module and
 * the GitHub module against a loopback GitHub: the pull request holds the
 * file POST /fixes/preview showed, byte for byte.
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
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
// The integration test runs the portal: the AI readiness backend serves the preview and the scorecard.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import aiReadinessPlugin from '@ai-readiness/plugin-ai-readiness-backend';
import { FakeGithub, startFakeGithub } from './__testUtils__/fakeGithub';
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

async function startPortal(github: FakeGithub): Promise<TestBackend> {
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
  return startTestBackend({
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
}

/** Runs the template as the scaffolder's UI would; throws with the log unless it completes. */
async function runTemplate(backend: TestBackend, values: object) {
  const created = await request(backend.server)
    .post('/api/scaffolder/v2/tasks')
    .send({ templateRef: 'template:default/ai-readiness-fix', values });
  expect(created.status).toBe(201);
  const taskId = created.body.id;
  let task: any;
  for (let i = 0; i < 600; i++) {
    task = (
      await request(backend.server).get(`/api/scaffolder/v2/tasks/${taskId}`)
    ).body;
    if (task.status === 'completed' || task.status === 'failed') break;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  const events = await request(backend.server).get(
    `/api/scaffolder/v2/tasks/${taskId}/events`,
  );
  if (task.status !== 'completed') {
    const log = events.body
      .map((e: any) => e.body?.message)
      .filter(Boolean)
      .join('\n');
    throw new Error(`task ${task.status}:\n${log}`);
  }
  const completion = events.body.find((e: any) => e.type === 'completion');
  return completion?.body?.output;
}

describe('template ai-readiness-fix', () => {
  let github: FakeGithub;
  let backend: TestBackend;
  beforeAll(async () => {
    github = await startFakeGithub({
      owner: 'northwind',
      repo: 'claims-bot',
      defaultBranch: 'main',
      files: { [FILE_PATH]: TEXT },
    });
    backend = await startPortal(github);
  });
  afterAll(async () => {
    await backend?.stop();
    await github?.close();
  });
  beforeEach(() => {
    github.refs.length = 0;
    github.trees.length = 0;
    github.pulls.length = 0;
  });

  const preview = async (body: object) => {
    const res = await request(backend.server)
      .post('/api/ai-readiness/fixes/preview')
      .send({ entityRef: 'component:default/claims-bot', ...body });
    expect(res.body.error?.message).toBeUndefined();
    expect(res.status).toBe(200);
    return res.body;
  };

  it('opens a pull request with the previewed file, a branch for the fix and the checks in the title and body', async () => {
    const checks = ['SEC-1', 'OWN-4'];
    const shown = await preview({ checks });
    expect(shown.file.path).toBe(FILE_PATH);
    expect(shown.checks).toEqual(checks);

    const output = await runTemplate(backend, {
      entityRef: 'component:default/claims-bot',
      checks,
    });

    // The branch, the committed file (the preview's, byte for byte), the pull request.
    const branch = 'ai-readiness/fix-claims-bot-sec-1-own-4';
    expect(github.refs).toEqual([
      { ref: `refs/heads/${branch}`, sha: 'commit-1' },
    ]);
    expect(github.trees).toHaveLength(1);
    expect(github.trees[0].tree.map(item => item.path)).toEqual([FILE_PATH]);
    expect(github.committedFile(FILE_PATH)).toBe(shown.patched);
    expect(shown.patched).toContain(
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
    expect(output.links[0]).toEqual({
      title: 'Pull request',
      url: 'https://github.com/northwind/claims-bot/pull/1',
    });
  });

  it('closes every failing check with a remediation when none is named, as the preview does', async () => {
    const shown = await preview({});
    expect(shown.checks.length).toBeGreaterThan(2);

    await runTemplate(backend, { entityRef: 'component:default/claims-bot' });

    expect(github.committedFile(FILE_PATH)).toBe(shown.patched);
    expect(github.pulls).toHaveLength(1);
    expect(github.pulls[0].title).toBe(
      `AI readiness: close ${shown.checks.join(
        ', ',
      )} for component:default/claims-bot`,
    );
    // One branch for the fix, the head of the pull request.
    expect(github.refs).toHaveLength(1);
    const branch = github.refs[0].ref.replace(/^refs\/heads\//, '');
    expect(branch).toMatch(/^ai-readiness\/fix-claims-bot-[a-z0-9-]+$/);
    expect(github.pulls[0].head).toBe(`northwind:${branch}`);
  });
});

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { parseDocument } from 'yaml';
import { RESTRICTED_USER } from '../__testUtils__/catalog';
import { startPluginBackend } from '../__testUtils__/pluginBackend';

jest.setTimeout(60_000);

const FILE_URL =
  'https://github.com/northwind/fix-me-bot/blob/main/deploy/catalog-info.yaml';

const TEXT = [
  '# The fix-me bot: a pilot with gaps',
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: fix-me-bot',
  '  tags: [genai]',
  '  annotations:',
  '    ai-readiness/risk-tier: "unknown" # to decide',
  'spec:',
  '  type: llm-app',
  '  lifecycle: experimental',
  '  owner: group:default/ml',
  '',
].join('\n');

const PATCHED = [
  '# The fix-me bot: a pilot with gaps',
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: fix-me-bot',
  '  tags: [genai]',
  '  annotations:',
  '    ai-readiness/risk-tier: limited # to decide',
  '  links:',
  '    - url: https://wiki.example.com/my-pilot/raci',
  '      title: RACI',
  '      type: raci',
  'spec:',
  '  type: llm-app',
  '  lifecycle: experimental',
  '  owner: group:default/ml',
  '',
].join('\n');

/** The entity as the catalog holds it: the file plus the catalog's annotations. */
function entityOf(
  text: string,
  name: string,
  annotations: Record<string, string>,
): Entity {
  const entity = parseDocument(text).toJS();
  entity.metadata.name = name;
  entity.metadata.namespace = 'default';
  entity.metadata.annotations = {
    ...entity.metadata.annotations,
    ...annotations,
  };
  return entity;
}

const restricted = mockCredentials.user.header(RESTRICTED_USER);

describe('POST /fixes/preview', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'fixes-'));
  const localFile = path.join(folder, 'pilots', 'local-bot.yaml');
  const outsideFile = path.join(folder, 'elsewhere.yaml');
  fs.mkdirSync(path.dirname(localFile));
  fs.writeFileSync(localFile, TEXT.replace('fix-me-bot', 'local-bot'));
  fs.writeFileSync(outsideFile, TEXT.replace('fix-me-bot', 'outside-bot'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  const readUrl = jest.fn(async (url: string) => {
    if (url !== FILE_URL) throw new Error(`unexpected URL ${url}`);
    return { buffer: async () => Buffer.from(TEXT), etag: 'x' };
  });

  async function start() {
    return startPluginBackend({
      restricted: ['component:default/fix-me-bot'],
      config: {
        catalog: {
          locations: [{ type: 'file', target: `${folder}/pilots/*.yaml` }],
        },
      },
      extra: [
        entityOf(TEXT, 'fix-me-bot', {
          'backstage.io/managed-by-location': `url:${FILE_URL}`,
          'backstage.io/source-location':
            'url:https://github.com/northwind/fix-me-bot/tree/main/deploy/',
        }),
        entityOf(TEXT, 'local-bot', {
          'backstage.io/managed-by-location': `file:${localFile}`,
        }),
        entityOf(TEXT, 'outside-bot', {
          'backstage.io/managed-by-location': `file:${outsideFile}`,
        }),
        entityOf(TEXT, 'generated-bot', {
          'backstage.io/managed-by-location': 'provider:ml-registry',
        }),
      ],
      features: [mockServices.urlReader.mock({ readUrl } as any).factory],
    });
  }

  it('answers the diff and the whole patched file of a URL location, read through the URL reader', async () => {
    const { backend, server } = await start();
    try {
      const res = await request(server)
        .post('/api/ai-readiness/fixes/preview')
        .send({
          entityRef: 'component:default/fix-me-bot',
          checks: ['SEC-1', 'OWN-4'],
        });
      expect(res.body.error?.message).toBeUndefined();
      expect(res.status).toBe(200);
      expect(readUrl).toHaveBeenCalledWith(FILE_URL);
      expect(res.body).toEqual({
        file: { url: FILE_URL, path: 'deploy/catalog-info.yaml', type: 'url' },
        patched: PATCHED,
        diff: [
          '--- a/deploy/catalog-info.yaml',
          '+++ b/deploy/catalog-info.yaml',
          '@@ -5,7 +5,11 @@',
          '   name: fix-me-bot',
          '   tags: [genai]',
          '   annotations:',
          '-    ai-readiness/risk-tier: "unknown" # to decide',
          '+    ai-readiness/risk-tier: limited # to decide',
          '+  links:',
          '+    - url: https://wiki.example.com/my-pilot/raci',
          '+      title: RACI',
          '+      type: raci',
          ' spec:',
          '   type: llm-app',
          '   lifecycle: experimental',
          '',
        ].join('\n'),
        checks: ['SEC-1', 'OWN-4'],
        notes: [
          'SEC-1: metadata.annotations.ai-readiness/risk-tier: "unknown" replaced by limited',
        ],
      });
    } finally {
      await backend.stop();
    }
  });

  it('reads a local file of catalog.locations, and no other', async () => {
    const { backend, server } = await start();
    try {
      const local = await request(server)
        .post('/api/ai-readiness/fixes/preview')
        .send({ entityRef: 'component:local-bot', checks: ['OWN-4'] });
      expect(local.status).toBe(200);
      expect(local.body.file).toEqual({
        url: localFile,
        path: `${folder.replace(/^\//, '')}/pilots/local-bot.yaml`,
        type: 'file',
      });
      expect(local.body.checks).toEqual(['OWN-4']);

      const outside = await request(server)
        .post('/api/ai-readiness/fixes/preview')
        .send({ entityRef: 'component:outside-bot', checks: ['OWN-4'] });
      expect(outside.status).toBe(422);
      expect(outside.body.error.message).toBe(
        'component:default/outside-bot comes from a local file outside the file locations of catalog.locations; it is not read',
      );
    } finally {
      await backend.stop();
    }
  });

  it('answers 422 naming why no patch can be made, 404 for an entity the caller cannot read, 400 for a bad body, 401 without credentials', async () => {
    const { backend, server } = await start();
    try {
      const post = (body: object, auth?: string) => {
        const req = request(server).post('/api/ai-readiness/fixes/preview');
        return (auth ? req.set('Authorization', auth) : req).send(body);
      };
      const generated = await post({ entityRef: 'component:generated-bot' });
      expect(generated.status).toBe(422);
      expect(generated.body.error.message).toBe(
        'component:default/generated-bot is not kept in a file the portal can read (backstage.io/managed-by-location is provider:ml-registry); it may be generated by an entity provider',
      );

      const passing = await post({
        entityRef: 'component:fix-me-bot',
        checks: ['OWN-1'],
      });
      expect(passing.status).toBe(422);
      expect(passing.body.error.message).toBe(
        'nothing to fix: OWN-1: already passes',
      );

      const hidden = await post(
        { entityRef: 'component:fix-me-bot' },
        restricted,
      );
      expect(hidden.status).toBe(404);
      expect(readUrl).not.toHaveBeenCalledWith(
        expect.anything(),
        expect.anything(),
      );

      const badRef = await post({ entityRef: 'component:' });
      expect(badRef.status).toBe(400);
      expect(badRef.body.error.message).toMatch(
        /^Invalid body field "entityRef"/,
      );
      const badChecks = await post({
        entityRef: 'component:fix-me-bot',
        checks: 'OWN-1',
      });
      expect(badChecks.status).toBe(400);
      expect(badChecks.body.error.message).toMatch(
        /^Invalid body field "checks"/,
      );
      const unknown = await post({
        entityRef: 'component:fix-me-bot',
        path: 'x',
      });
      expect(unknown.body.error.message).toBe('Unknown body field "path"');

      expect(
        (
          await post(
            { entityRef: 'component:fix-me-bot' },
            mockCredentials.none.header(),
          )
        ).status,
      ).toBe(401);
    } finally {
      await backend.stop();
    }
  });
});

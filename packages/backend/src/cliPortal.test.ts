/*
 * The real `ai-readiness` binary against a real backend (the catalog and the
 * AI readiness plugin): the catalog holds the organisation but not the pilots,
 * whose files are given to the CLI with --backstage-url, as a pilot's own
 * repository would in CI. The results equal the conformance expected.json.
 */
import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { AddressInfo } from 'net';
import request from 'supertest';
import { parseDocument } from 'yaml';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import type { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import aiModelModule from '@backstage/plugin-catalog-backend-module-ai-model';
import { notificationService } from '@backstage/plugin-notifications-node';
import aiReadinessPlugin from '@ai-readiness/plugin-ai-readiness-backend';
import { repoRoot } from './__testUtils__/examples';

jest.setTimeout(180_000);

const conformanceDir = path.join(repoRoot, 'conformance');
const expected = JSON.parse(
  fs.readFileSync(path.join(conformanceDir, 'expected.json'), 'utf8'),
) as {
  asOf: string;
  scorecards: Record<
    string,
    {
      level: string;
      checks: Record<string, string>;
      drift: boolean;
      scope?: string;
      cap?: { level: string; by: string[] };
    }
  >;
  absent: string[];
};
const bin = path.join(repoRoot, 'packages', 'cli', 'bin', 'ai-readiness');
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

function refOf(e: Entity): string {
  return `${e.kind}:${e.metadata.namespace ?? 'default'}/${
    e.metadata.name
  }`.toLocaleLowerCase('en-US');
}

/** The conformance catalog split into the organisation and the pilots' documents (as written). */
function splitConformance() {
  const text = fs.readFileSync(
    path.join(conformanceDir, 'catalog.yaml'),
    'utf8',
  );
  const pilotRefs = new Set([
    ...Object.keys(expected.scorecards),
    ...expected.absent,
  ]);
  const org: string[] = [];
  const pilots: string[] = [];
  const orgRefs: string[] = [];
  for (const chunk of text.split(/^---\n/m)) {
    const entity = parseDocument(chunk).toJS() as Entity | null;
    if (!entity) continue;
    if (pilotRefs.has(refOf(entity))) pilots.push(chunk);
    else {
      org.push(chunk);
      orgRefs.push(refOf(entity));
    }
  }
  return { org: org.join('---\n'), pilots: pilots.join('---\n'), orgRefs };
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the binary without blocking the event loop (the backend answers it in this process). */
function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<Result> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'GITHUB_STEP_SUMMARY']) {
    if (!(name in env)) delete childEnv[name];
  }
  if (!('AI_READINESS_BACKSTAGE_URL' in env))
    delete childEnv.AI_READINESS_BACKSTAGE_URL;
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: childEnv, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (error as any).code ?? 1 : 0;
        resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr });
      },
    );
  });
}

const NO_STACK = /\n\s+at .+\(.*:\d+:\d+\)/;

describe('ai-readiness check --backstage-url against a running backend', () => {
  let backend: TestBackend;
  let url: string;
  let tmp: string;
  let pilotsFile: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-portal-'));
    const { org, pilots, orgRefs } = splitConformance();
    fs.writeFileSync(path.join(tmp, 'org.yaml'), org);
    pilotsFile = path.join(tmp, 'catalog-info.yaml');
    fs.writeFileSync(pilotsFile, pilots);

    const knex = await databases.init('SQLITE_3');
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        // as in src/index.ts: the AiResource kind and mcp-server APIs of the conformance catalog
        aiModelModule,
        aiReadinessPlugin,
        mockServices.database.factory({ knex }),
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
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'API',
                    'Resource',
                    'Location',
                    'Domain',
                    'Group',
                    'User',
                  ],
                },
              ],
              locations: [{ type: 'file', target: path.join(tmp, 'org.yaml') }],
              processingInterval: { seconds: 1 },
            },
          },
        }),
      ],
    });
    url = `http://127.0.0.1:${(backend.server.address() as AddressInfo).port}`;

    // Wait until the organisation is in, with its relations stitched.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const res = await request(backend.server)
        .get('/api/catalog/entities')
        .set('Authorization', mockCredentials.user.header());
      const served = new Set((res.body as Entity[]).map(refOf));
      if (
        orgRefs.every(r => served.has(r)) &&
        (res.body as Entity[]).every(
          e =>
            !(e.spec as { owner?: string } | undefined)?.owner ||
            e.relations?.some(r => r.type === 'ownedBy'),
        )
      )
        break;
      if (Date.now() > deadline)
        throw new Error('the catalog did not ingest the organisation in time');
      await new Promise(r => setTimeout(r, 500));
    }
  });

  afterAll(async () => {
    await backend?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('scores the pilots files against the catalog: equal to the conformance results', async () => {
    const r = await cli(
      [
        'check',
        pilotsFile,
        '--as-of',
        expected.asOf,
        '--format',
        'json',
        '--backstage-url',
        url,
      ],
      { AI_READINESS_TOKEN: mockCredentials.user.token() },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toEqual([]);
    expect(out.asOf).toBe(expected.asOf);
    const got = Object.fromEntries(
      out.scorecards.map((c: any) => {
        const named = expected.scorecards[c.entityRef]?.checks ?? {};
        const checks = Object.fromEntries(
          c.dimensions
            .flatMap((d: any) => d.checks.map((k: any) => [k.id, k.status]))
            .filter(([id]: [string]) => id in named),
        );
        const want = expected.scorecards[c.entityRef];
        return [
          c.entityRef,
          {
            level: c.level,
            checks,
            drift: c.drift.length > 0,
            ...(want?.scope !== undefined ? { scope: c.scope?.rule } : {}),
            ...(want?.cap !== undefined || c.cap ? { cap: c.cap } : {}),
          },
        ];
      }),
    );
    expect(got).toEqual(expected.scorecards);
    for (const ref of expected.absent) expect(got[ref]).toBeUndefined();
    // Nothing is stored for these pilots: no current card to compare with.
    expect(out.scorecards.every((c: any) => c.current === null)).toBe(true);
  });

  it('shows the change against the catalog in the table, and gates with the same exit codes', async () => {
    const r = await cli(
      ['check', pilotsFile, '--as-of', expected.asOf, '--min-level', 'L3'],
      {
        AI_READINESS_TOKEN: mockCredentials.user.token(),
        AI_READINESS_BACKSTAGE_URL: url,
      },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /component:default\/claims-triage\s+— → L3 Production/,
    );
    expect(r.stdout).not.toContain('outside the files read');
  });

  it('without the portal, says how many references point outside the files read', async () => {
    const r = await cli(['check', pilotsFile, '--as-of', expected.asOf]);
    const line = r.stdout.trim().split('\n').pop()!;
    expect(line).toMatch(
      /^\d+ references point outside the files read .*--backstage-url/,
    );
    expect(Number(line.split(' ')[0])).toBeGreaterThan(10);
  });

  it('exits 2 naming the variable when the portal refuses the token', async () => {
    const r = await cli(
      ['check', pilotsFile, '--format', 'json', '--backstage-url', url],
      { AI_READINESS_TOKEN: 'not-a-token' },
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('AI_READINESS_TOKEN');
    expect(r.stderr).toContain('401');
    expect(r.stderr).not.toMatch(NO_STACK);
  });
});

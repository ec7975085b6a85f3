/*
 * --backstage-url against a loopback HTTP server that answers like a portal
 * would (or fails like one): run() in-process, so the server keeps answering.
 */
import fs from 'fs';
import http from 'http';
import { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { run, RunIO } from './run';

const PILOT = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: bot
spec:
  type: ai-pilot
  lifecycle: experimental
  owner: group:default/ml
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: other-bot
spec:
  type: ai-pilot
  lifecycle: experimental
  owner: group:default/ml
`;

type Handler = (
  req: http.IncomingMessage,
  body: string,
  res: http.ServerResponse,
) => void;

let server: http.Server;
let handler: Handler;
let url: string;
let tmp: string;
let file: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', c => (body += c));
    req.on('end', () => handler(req, body, res));
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-remote-'));
  file = path.join(tmp, 'catalog-info.yaml');
  fs.writeFileSync(file, PILOT);
});

afterAll(async () => {
  server.closeAllConnections?.();
  await new Promise(r => server.close(r));
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: RunIO = {
    stdout: t => {
      stdout += t;
    },
    stderr: t => {
      stderr += t;
    },
    cwd: tmp,
    env,
    isTTY: false,
  };
  const code = await run(['check', file, '--as-of', '2026-11-25', ...args], io);
  return { code, stdout, stderr };
}

function card(name: string, level: string, current: object | null) {
  return {
    entityRef: `component:default/${name}`,
    title: name,
    owner: 'group:default/ml',
    system: null,
    asOf: '2026-11-25',
    evaluatedAt: '2026-11-25T10:00:00.000Z',
    level,
    levelName: level === 'L3' ? 'Production' : 'Limited rollout',
    score: 90,
    dimensions: [],
    nextLevel: null,
    drift: [],
    current,
  };
}

const NO_STACK = /\n\s+at .+\(.*:\d+:\d+\)/;

describe('--backstage-url', () => {
  it('sends the entities with the token and prints the change against the catalog', async () => {
    let seen: { path?: string; auth?: string; body?: any } = {};
    handler = (req, body, res) => {
      seen = {
        path: req.url,
        auth: req.headers.authorization,
        body: JSON.parse(body),
      };
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({
          asOf: '2026-11-25',
          scorecards: [
            card('bot', 'L3', {
              level: 'L2',
              score: 70,
              evaluatedAt: '2026-11-24T00:00:00.000Z',
            }),
            card('other-bot', 'L2', null),
          ],
          errors: [],
        }),
      );
    };
    const table = await cli(['--backstage-url', `${url}/`], {
      AI_READINESS_TOKEN: 's3cret',
    });
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    expect(seen.path).toBe('/api/ai-readiness/evaluate');
    expect(seen.auth).toBe('Bearer s3cret');
    expect(seen.body.asOf).toBe('2026-11-25');
    expect(seen.body.entities.map((e: any) => e.metadata.name)).toEqual([
      'bot',
      'other-bot',
    ]);
    expect(table.stdout).toMatch(/component:default\/bot\s+L2 → L3 Production/);
    expect(table.stdout).toMatch(/other-bot\s+— → L2 Limited rollout/);

    const md = await cli(['--format', 'markdown', '--min-level', 'L3'], {
      AI_READINESS_BACKSTAGE_URL: url,
    });
    expect(md.code).toBe(1);
    expect(md.stdout).toContain('| L2 → L3 Production |');

    const json = await cli(['--format', 'json'], {
      AI_READINESS_BACKSTAGE_URL: url,
    });
    expect(JSON.parse(json.stdout).scorecards[0].current.level).toBe('L2');
  });

  it("reports the portal's invalid documents at their file and line, exit 2", async () => {
    handler = (_req, _body, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({
          asOf: '2026-11-25',
          scorecards: [card('bot', 'L1', null)],
          errors: [
            { document: 1, line: null, message: 'spec.owner: bad owner' },
          ],
        }),
      );
    };
    const r = await cli(['--format', 'json', '--backstage-url', url]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).errors).toEqual([
      {
        file: 'catalog-info.yaml',
        line: 10,
        message: 'rejected by the portal: spec.owner: bad owner',
      },
    ]);
  });

  it('sends neither skipped skeletons nor entities the catalog would refuse', async () => {
    let sent: string[] = [];
    handler = (_req, body, res) => {
      sent = JSON.parse(body).entities.map((e: any) => e.metadata.name);
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({
          asOf: '2026-11-25',
          scorecards: [card('bot', 'L1', null)],
          errors: [],
        }),
      );
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-remote-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'catalog-info.yaml'),
        `${PILOT}---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: Refused Bot\nspec:\n  type: ai-pilot\n`,
      );
      fs.mkdirSync(path.join(dir, 'skeleton'));
      fs.writeFileSync(
        path.join(dir, 'skeleton', 'catalog-info.yaml'),
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${{ values.name }}\n',
      );
      let stdout = '';
      const code = await run(
        ['check', '.', '--format', 'json', '--backstage-url', url],
        {
          stdout: t => {
            stdout += t;
          },
          stderr: () => {},
          cwd: dir,
          env: {},
          isTTY: false,
        },
      );
      expect(code).toBe(2);
      expect(sent).toEqual(['bot', 'other-bot']);
      const out = JSON.parse(stdout);
      expect(out.errors).toEqual([
        {
          file: 'catalog-info.yaml',
          line: 22,
          message: expect.stringMatching(/^metadata\.name "Refused Bot"/),
        },
      ]);
      expect(out.warnings).toEqual([
        {
          file: 'skeleton/catalog-info.yaml',
          message: expect.stringContaining('scaffolder template skeleton'),
        },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [
      401,
      { AI_READINESS_TOKEN: 'x' },
      /refused the token in AI_READINESS_TOKEN \(401\)/,
    ],
    [401, {}, /needs a token \(401\): set AI_READINESS_TOKEN/],
    [
      403,
      { AI_READINESS_TOKEN: 'x' },
      /AI_READINESS_TOKEN may not read .*\(403\)/,
    ],
    [413, {}, /too large \(413/],
    [404, {}, /no AI readiness plugin at .*\(--backstage-url\) \(404\)/],
    [500, {}, /answered 500: boom/],
  ])('answers %d with exit 2 and a message', async (status, env, message) => {
    handler = (_req, _body, res) => {
      res.statusCode = status;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ error: { name: 'Error', message: 'boom' } }));
    };
    const r = await cli(['--backstage-url', url], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(url);
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('names the URL when the portal is unreachable or too slow', async () => {
    const closed = http.createServer();
    await new Promise<void>(r => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(r => closed.close(r));
    const down = await cli([], {
      AI_READINESS_BACKSTAGE_URL: `http://127.0.0.1:${port}`,
    });
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(
      new RegExp(
        `cannot reach the portal at http://127.0.0.1:${port}/api/ai-readiness/evaluate \\(AI_READINESS_BACKSTAGE_URL\\)`,
      ),
    );

    handler = () => {}; // never answers
    const slow = await cli(['--backstage-url', url], {
      AI_READINESS_TIMEOUT_SECONDS: '0.5',
    });
    expect(slow.code).toBe(2);
    expect(slow.stderr).toMatch(/did not answer within 0.5 s/);
    expect(slow.stderr).toContain(url);
    expect(slow.stderr).not.toMatch(NO_STACK);
  });

  it('rejects a URL that is not http(s), naming where it came from', async () => {
    const r = await cli([], { AI_READINESS_BACKSTAGE_URL: 'file:///etc' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'AI_READINESS_BACKSTAGE_URL must be an http(s) URL',
    );
    const flag = await cli(['--backstage-url', 'not a url']);
    expect(flag.stderr).toContain("--backstage-url must be the portal's URL");
  });
});

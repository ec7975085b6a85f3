#!/usr/bin/env node
/*
 * Two production backends (two `node` processes of the bundle made by
 * `npm run build`, NODE_ENV=production, two ports) on one PostgreSQL:
 *
 *   1. one scheduled refresh per interval across both (the refresh task is
 *      global: its runs, counted in both logs, are one per interval, never two
 *      in the same interval);
 *   2. the same answers from both (rubric, list, summary, a scorecard);
 *   3. a scorecard refreshed through one replica (POST /refresh with an
 *      entityRef) is visible through the other at once;
 *   4. events reach the other replica (the events backend's database bus:
 *      published on one, read from a subscription on the other), and guest
 *      sign-in is refused (production, not configured);
 *   5. nothing is lost when the replica running a refresh is killed (SIGKILL)
 *      in the middle of it: the survivor's next run, once the dead run's claim
 *      expires, refreshes every pilot.
 *
 * PostgreSQL: AI_READINESS_PG_CONNECTION (scripts/test.js sets it to its
 * private server). Databases get a unique prefix and are dropped at the end.
 * Catalog: the example organisation plus BULK generated pilots (default
 * 600), enough for a refresh to take a while.
 * E2E_PORTS=7281,7282 picks the ports (default: free ones); E2E_KEEP=1 keeps
 * the folder with both logs.
 */
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { Client } = require('pg');
const { extract, bundleDir, backendDir } = require('../start-prod');

const root = path.resolve(__dirname, '..', '..');
const BULK = Number(process.env.REPLICAS_BULK || 600);
const FREQUENCY_S = 10;
const TIMEOUT_S = 60;
const RUN_LINE = /AI readiness: evaluated (\d+) pilots, reading/;
const timings = [];
const replicas = [];
let db; // pg client on the postgres database
let prefix;

function log(msg) {
  process.stdout.write(`[replicas] ${msg}\n`);
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
const sleep = ms => new Promise(r => setTimeout(r, ms));

async function phase(name, fn) {
  const start = Date.now();
  log(`${name} ...`);
  await fn();
  const ms = Date.now() - start;
  timings.push([name, ms]);
  log(`PASS ${name} (${(ms / 1000).toFixed(1)} s)`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function request(method, url, { token, body, timeoutMs = 30000 } = {}) {
  return new Promise(resolve => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const headers = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (data) headers['content-type'] = 'application/json';
    const req = http.request(url, { method, headers }, res => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', c => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, body: text }));
    });
    req.on('error', e => resolve({ status: 0, body: String(e) }));
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.end(data);
  });
}

async function waitFor(what, fn, timeoutMs, everyMs = 1000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last && last.ok) return last;
    for (const r of replicas) {
      if (r.expectAlive && r.child.exitCode !== null) {
        throw new Error(
          `replica ${r.name} exited (${r.child.exitCode}) while waiting for ${what}`,
        );
      }
    }
    await sleep(everyMs);
  }
  throw new Error(
    `timed out after ${
      timeoutMs / 1000
    } s waiting for ${what}; last: ${JSON.stringify(last).slice(0, 400)}`,
  );
}

function pgUrl() {
  const url = process.env.AI_READINESS_PG_CONNECTION;
  assert(
    url,
    'AI_READINESS_PG_CONNECTION is not set (scripts/test.js sets it)',
  );
  return new URL(url);
}

function bulkCatalog(generation) {
  const docs = [];
  for (let i = 0; i < BULK; i++) {
    const name = `bulk-pilot-${String(i).padStart(5, '0')}`;
    // generation 2 adds a runbook and a kill switch: the score changes
    const links =
      generation === 2
        ? `
  links:
    - { url: 'https://wiki.example.com/${name}/runbook', title: Runbook, type: runbook }
    - { url: 'https://wiki.example.com/${name}/kill-switch', title: Kill switch, type: kill-switch }`
        : '';
    docs.push(`apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    ai-readiness/enabled: 'true'
    e2e/generation: '${generation}'${links}
spec:
  type: llm-app
  lifecycle: experimental
  owner: group:default/bulk-team
`);
  }
  docs.push(`apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: bulk-team
spec:
  type: team
  children: []
`);
  return docs.join('---\n');
}

function startReplica(r, dir) {
  const out = fs.openSync(r.logFile, 'a');
  const u = pgUrl();
  r.child = spawn(
    process.execPath,
    [
      path.join(bundleDir, 'packages', 'backend'),
      '--config',
      path.join(root, 'app-config.yaml'),
      '--config',
      path.join(root, 'app-config.production.yaml'),
      '--config',
      path.join(dir, 'replicas.yaml'),
      '--config',
      path.join(dir, `${r.name}.yaml`),
    ],
    {
      cwd: backendDir,
      stdio: ['ignore', 'pipe', out],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        POSTGRES_HOST: u.hostname,
        POSTGRES_PORT: u.port || '5432',
        POSTGRES_USER: decodeURIComponent(u.username || 'postgres'),
        POSTGRES_PASSWORD: decodeURIComponent(u.password || 'unused'),
      },
    },
  );
  r.expectAlive = true;
  let buffer = '';
  r.child.stdout.on('data', chunk => {
    fs.appendFileSync(r.logFile, chunk);
    buffer += chunk.toString('utf8');
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const m = RUN_LINE.exec(line);
      if (m) r.runs.push({ at: Date.now(), pilots: Number(m[1]) });
    }
  });
}

const allRuns = () =>
  replicas
    .flatMap(r => r.runs.map(run => ({ ...run, replica: r.name })))
    .sort((a, b) => a.at - b.at);

async function listAll(base, token, query = '') {
  const items = [];
  for (let offset = 0; ; offset += 1000) {
    const r = await request(
      'GET',
      `${base}/api/ai-readiness/scorecards?limit=1000&offset=${offset}&orderBy=title${query}`,
      { token },
    );
    assert(
      r.status === 200,
      `GET /scorecards: ${r.status} ${r.body.slice(0, 200)}`,
    );
    const page = JSON.parse(r.body);
    items.push(...page.items);
    if (items.length >= page.totalCount || page.items.length === 0)
      return { items, totalCount: page.totalCount };
  }
}

/** The refresh task's row in the scheduler table of the plugin's database. */
async function refreshTask(pluginDb) {
  const { rows } = await pluginDb.query(
    `select current_run_ticket, current_run_started_at from backstage_backend_tasks__tasks where id like '%ai-readiness%refresh%'`,
  );
  return rows[0];
}

async function main() {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-replicas-'));
  prefix = `replicas_${crypto.randomBytes(4).toString('hex')}_`;
  const token = crypto.randomBytes(24).toString('hex');
  db = new Client({ connectionString: pgUrl().toString() });
  await db.connect();
  let pluginDb;
  try {
    extract(); // packages/backend/dist/bundle from dist/bundle.tar.gz
    assert(
      fs.existsSync(path.join(bundleDir, 'packages/backend/dist/index.cjs.js')),
      'the bundle has no packages/backend/dist/index.cjs.js',
    );
    fs.writeFileSync(path.join(dir, 'bulk.yaml'), bulkCatalog(1));
    fs.writeFileSync(
      path.join(dir, 'replicas.yaml'),
      `backend:
  database:
    prefix: ${prefix}
  auth:
    externalAccess:
      - type: static
        options: { token: ${token}, subject: replicas-e2e }
catalog:
  processingInterval: { seconds: 5 }
  locations:
    - type: file
      target: ${path.join(root, 'examples')}/*.yaml
    - type: file
      target: ${path.join(dir, 'bulk.yaml')}
aiReadiness:
  notifications:
    enabled: false
  schedule:
    frequency: { seconds: ${FREQUENCY_S} }
    timeout: { seconds: ${TIMEOUT_S} }
    initialDelay: { seconds: 3 }
`,
    );
    const ports = (process.env.E2E_PORTS || '')
      .split(',')
      .filter(Boolean)
      .map(Number);
    for (const name of ['a', 'b']) {
      const port = ports.shift() || (await freePort());
      const base = `http://127.0.0.1:${port}`;
      fs.writeFileSync(
        path.join(dir, `${name}.yaml`),
        `app:
  baseUrl: http://localhost:${port}
backend:
  baseUrl: http://localhost:${port}
  listen: '127.0.0.1:${port}'
  cors:
    origin: http://localhost:${port}
  database:
    connection:
      application_name: replica-${name}
`,
      );
      replicas.push({
        name,
        port,
        base,
        runs: [],
        logFile: path.join(dir, `${name}.log`),
      });
    }
    log(
      `folder ${dir}, database prefix ${prefix}, ports ${replicas
        .map(r => r.port)
        .join(' and ')}, ${BULK} generated pilots`,
    );
    const [A, B] = replicas;

    await phase('two production backends start on one database', async () => {
      // one after the other, as a rolling deployment does: on an empty
      // database, Backstage's own plugins (auth, catalog) race on their knex
      // migrations when two processes create their tables at the same moment
      for (const r of replicas) {
        startReplica(r, dir);
        await waitFor(
          `replica ${r.name} readiness`,
          async () => {
            const res = await request(
              'GET',
              `${r.base}/.backstage/health/v1/readiness`,
            );
            return { ok: res.status === 200, ...res };
          },
          300000,
        );
      }
    });
    {
      const u = pgUrl();
      u.pathname = `/${prefix}ai-readiness`;
      pluginDb = new Client({ connectionString: u.toString() });
      await pluginDb.connect();
    }

    let expected; // number of pilots once the catalog is loaded
    await phase('catalog loaded and every pilot scored', async () => {
      await waitFor(
        'the generated pilots in the catalog',
        async () => {
          const res = await request(
            'GET',
            `${A.base}/api/catalog/entities/by-query?limit=1&filter=metadata.annotations.e2e/generation=1`,
            { token },
          );
          const n = res.status === 200 ? JSON.parse(res.body).totalItems : -1;
          return { ok: n === BULK, n };
        },
        600000,
        2000,
      );
      // a full run that started after the catalog was complete
      const after = Date.now();
      const run = await waitFor(
        'a refresh after the catalog loaded',
        async () => {
          // a run that started before the last entities arrived scores fewer
          const r = allRuns().find(x => x.at > after && x.pilots >= BULK);
          return { ok: Boolean(r), ...r };
        },
        (FREQUENCY_S * 6 + TIMEOUT_S * 3) * 1000,
      );
      expected = run.pilots;
      assert(
        expected >= BULK,
        `the refresh evaluated ${expected} pilots, fewer than the ${BULK} generated`,
      );
      const list = await listAll(B.base, token);
      assert(
        list.totalCount === expected,
        `GET /scorecards through B: ${list.totalCount} pilots, the refresh evaluated ${expected}`,
      );
    });

    await phase(
      `one scheduled refresh per ${FREQUENCY_S} s interval across both`,
      async () => {
        const from = Date.now();
        const windowMs = FREQUENCY_S * 4 * 1000;
        await sleep(windowMs);
        const runs = allRuns().filter(
          r => r.at >= from && r.at < from + windowMs,
        );
        const perReplica = replicas
          .map(
            r => `${r.name}: ${runs.filter(x => x.replica === r.name).length}`,
          )
          .join(', ');
        log(`runs in ${windowMs / 1000} s: ${runs.length} (${perReplica})`);
        assert(
          runs.length >= 2,
          `only ${runs.length} refresh runs in ${
            windowMs / 1000
          } s with a ${FREQUENCY_S} s frequency`,
        );
        assert(
          runs.length <= windowMs / 1000 / FREQUENCY_S + 1,
          `${runs.length} refresh runs in ${
            windowMs / 1000
          } s: more than one per interval`,
        );
        for (let i = 1; i < runs.length; i++) {
          const gap = runs[i].at - runs[i - 1].at;
          assert(
            gap > FREQUENCY_S * 500,
            `two refresh runs ${gap} ms apart (${runs[i - 1].replica}, ${
              runs[i].replica
            }): more than one in an interval`,
          );
        }
      },
    );

    await phase('the same answers from both replicas', async () => {
      const paths = [
        '/api/ai-readiness/rubric',
        '/api/ai-readiness/summary?groupBy=level',
        '/api/ai-readiness/summary?groupBy=owner',
        '/api/ai-readiness/scorecards?limit=200&orderBy=score&order=desc',
        '/api/ai-readiness/scorecards/default/component/bulk-pilot-00007',
      ];
      // between two refresh runs, so that both read the same rows
      for (let attempt = 1; ; attempt++) {
        const before = allRuns().length;
        const answers = [];
        for (const p of paths) {
          const [a, b] = await Promise.all(
            [A, B].map(r => request('GET', `${r.base}${p}`, { token })),
          );
          assert(
            a.status === 200 && b.status === 200,
            `${p}: ${a.status} from A, ${b.status} from B`,
          );
          answers.push([p, a.body, b.body]);
        }
        if (allRuns().length !== before && attempt < 3) continue; // a run wrote in between
        for (const [p, a, b] of answers) {
          assert(
            a === b,
            `${p}: different answers from A and B\nA: ${a.slice(
              0,
              300,
            )}\nB: ${b.slice(0, 300)}`,
          );
        }
        return;
      }
    });

    await phase(
      'a scorecard refreshed through A is visible through B',
      async () => {
        const p =
          '/api/ai-readiness/scorecards/default/component/bulk-pilot-00042';
        for (let attempt = 1; ; attempt++) {
          const runsBefore = allRuns().length;
          const before = JSON.parse(
            (await request('GET', `${B.base}${p}`, { token })).body,
          );
          await sleep(20); // evaluatedAt has millisecond precision
          const refreshed = await request(
            'POST',
            `${A.base}/api/ai-readiness/refresh`,
            {
              token,
              body: { entityRef: 'component:default/bulk-pilot-00042' },
            },
          );
          assert(
            refreshed.status === 202 || refreshed.status === 200,
            `POST /refresh through A: ${refreshed.status} ${refreshed.body}`,
          );
          const after = JSON.parse(
            (await request('GET', `${B.base}${p}`, { token })).body,
          );
          if (allRuns().length !== runsBefore && attempt < 3) continue; // a scheduled run wrote too
          assert(
            Date.parse(after.evaluatedAt) > Date.parse(before.evaluatedAt),
            `B still answers the scorecard evaluated at ${after.evaluatedAt} (before: ${before.evaluatedAt}) after A refreshed it`,
          );
          assert(
            after.level === JSON.parse(refreshed.body).level,
            `B answers level ${after.level}, A's refresh gave ${refreshed.body}`,
          );
          return;
        }
      },
    );

    await phase(
      'events published on A reach a subscription read on B; guest sign-in refused',
      async () => {
        const sub = `${B.base}/api/events/bus/v1/subscriptions/replicas-e2e`;
        const put = await request('PUT', sub, {
          token,
          body: { topics: ['replicas-e2e'] },
        });
        assert(
          put.status === 201,
          `PUT subscription on B: ${put.status} ${put.body}`,
        );
        const empty = await request('GET', `${sub}/events`, {
          token,
          timeoutMs: 1500,
        });
        assert(
          empty.status !== 200,
          `the new subscription already has events: ${empty.body}`,
        );
        const pub = await request(
          'POST',
          `${A.base}/api/events/bus/v1/events`,
          {
            token,
            body: {
              event: { topic: 'replicas-e2e', payload: { from: 'A', n: 42 } },
            },
          },
        );
        assert(
          pub.status === 201,
          `POST event on A: ${pub.status} ${pub.body}`,
        );
        const read = await request('GET', `${sub}/events`, { token });
        assert(
          read.status === 200,
          `GET subscription events on B: ${read.status} ${read.body}`,
        );
        const { events } = JSON.parse(read.body);
        assert(
          events.length === 1 &&
            events[0].payload.n === 42 &&
            events[0].topic === 'replicas-e2e',
          `B read ${read.body}`,
        );
        const guest = await request('GET', `${A.base}/api/auth/guest/refresh`);
        assert(
          guest.status === 403,
          `guest sign-in in production answered ${guest.status}, expected 403`,
        );
      },
    );

    await phase(
      'the replica running a refresh is killed mid-way; the survivor completes it',
      async () => {
        // generation 2 of the generated pilots scores differently
        const gen1 = JSON.parse(
          (
            await request(
              'GET',
              `${B.base}/api/ai-readiness/scorecards/default/component/bulk-pilot-00001`,
              { token },
            )
          ).body,
        );
        fs.writeFileSync(path.join(dir, 'bulk.yaml'), bulkCatalog(2));
        await waitFor(
          'generation 2 in the catalog',
          async () => {
            const res = await request(
              'GET',
              `${A.base}/api/catalog/entities/by-query?limit=1&filter=metadata.annotations.e2e/generation=2`,
              { token },
            );
            const n = res.status === 200 ? JSON.parse(res.body).totalItems : -1;
            return { ok: n === BULK, n };
          },
          600000,
          2000,
        );

        let victim;
        let killedAt;
        let runStart;
        for (let attempt = 1; attempt <= 5 && !victim; attempt++) {
          // wait for a run to start, find who writes, kill it
          const deadline = Date.now() + (FREQUENCY_S * 2 + TIMEOUT_S) * 1000;
          while (Date.now() < deadline) {
            const task = await refreshTask(pluginDb);
            if (task && task.current_run_ticket) {
              const { rows } = await db.query(
                `select distinct application_name from pg_stat_activity
                where datname = $1 and application_name like 'replica-%'
                  and state <> 'idle' and query ~* '^\\s*(insert|update|delete)'
                  and query ~* 'ai_readiness_'`,
                [`${prefix}ai-readiness`],
              );
              if (rows.length === 1) {
                const runner = replicas.find(
                  r => `replica-${r.name}` === rows[0].application_name,
                );
                const other = replicas.find(r => r !== runner);
                const started = new Date(task.current_run_started_at).getTime();
                // kill once the run has committed a batch, while it still runs
                let committed = false;
                const until = Date.now() + TIMEOUT_S * 1000;
                while (!committed && Date.now() < until) {
                  const res = await request(
                    'GET',
                    `${other.base}/api/ai-readiness/scorecards?orderBy=evaluatedAt&order=desc&limit=1`,
                    { token },
                  );
                  const top =
                    res.status === 200 && JSON.parse(res.body).items[0];
                  committed =
                    Boolean(top) && Date.parse(top.evaluatedAt) >= started;
                  if (!committed) await sleep(20);
                }
                const now = await refreshTask(pluginDb);
                if (
                  committed &&
                  now &&
                  now.current_run_ticket === task.current_run_ticket
                ) {
                  victim = runner;
                  runStart = started;
                  victim.expectAlive = false;
                  victim.child.kill('SIGKILL');
                  killedAt = Date.now();
                  break;
                }
              }
            }
            await sleep(5);
          }
          if (!victim)
            log(
              `attempt ${attempt}: no refresh caught while writing, trying again`,
            );
        }
        assert(victim, 'never caught a refresh while it was writing');
        const survivor = replicas.find(r => r !== victim);
        await new Promise(r =>
          victim.child.exitCode !== null || victim.child.signalCode
            ? r()
            : victim.child.once('exit', r),
        );
        log(
          `killed replica ${victim.name} ${
            killedAt - runStart
          } ms into its refresh`,
        );

        // what the dead run had written: some pilots, not all
        const mid = await listAll(survivor.base, token);
        const written = mid.items.filter(
          s => Date.parse(s.evaluatedAt) >= runStart - 1000,
        ).length;
        log(
          `the killed run had stored ${written} of ${mid.totalCount} scorecards`,
        );
        assert(
          written > 0 && written < mid.totalCount,
          `the killed run had stored ${written} of ${mid.totalCount} scorecards: not killed mid-way`,
        );

        // the survivor's next run: once the dead run's claim expires (timeout)
        await waitFor(
          'a complete refresh by the survivor',
          async () => {
            const r = survivor.runs.find(x => x.at > killedAt);
            return { ok: Boolean(r), ...r };
          },
          (TIMEOUT_S * 2 + FREQUENCY_S * 6) * 1000,
        );
        const final = await listAll(survivor.base, token);
        assert(
          final.totalCount === expected,
          `after the kill: ${final.totalCount} pilots, expected ${expected}`,
        );
        const bulk = final.items.filter(s =>
          s.entityRef.startsWith('component:default/bulk-pilot-'),
        );
        assert(
          bulk.length === BULK,
          `after the kill: ${bulk.length} generated pilots, expected ${BULK}`,
        );
        const stale = bulk.filter(s => Date.parse(s.evaluatedAt) <= killedAt);
        assert(
          stale.length === 0,
          `${stale.length} pilots not refreshed after the kill, e.g. ${stale[0]?.entityRef}`,
        );
        const scores = new Set(bulk.map(s => s.score));
        assert(
          scores.size === 1 && !scores.has(gen1.score),
          `generated pilots' scores after the kill: ${[
            ...scores,
          ]} (generation 1: ${gen1.score})`,
        );
        log(
          `every pilot refreshed by ${survivor.name}: score ${gen1.score} -> ${
            [...scores][0]
          }`,
        );
      },
    );
  } catch (e) {
    for (const r of replicas) {
      if (fs.existsSync(r.logFile)) {
        log(`replica ${r.name} log (last 30 lines):`);
        process.stdout.write(
          `${fs
            .readFileSync(r.logFile, 'utf8')
            .split('\n')
            .slice(-30)
            .join('\n')}\n`,
        );
      }
    }
    throw e;
  } finally {
    for (const r of replicas) {
      r.expectAlive = false;
      if (r.child && r.child.exitCode === null && !r.child.signalCode) {
        r.child.kill('SIGTERM');
        await Promise.race([
          new Promise(res => r.child.once('exit', res)),
          sleep(10000),
        ]);
        if (r.child.exitCode === null && !r.child.signalCode)
          r.child.kill('SIGKILL');
      }
    }
    if (pluginDb) await pluginDb.end().catch(() => {});
    const { rows } = await db.query(
      `select datname from pg_database where datname like $1`,
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await db
        .query(`drop database if exists "${datname}" with (force)`)
        .catch(e => log(`drop ${datname}: ${e.message}`));
    }
    await db.end();
    if (process.env.E2E_KEEP !== '1')
      fs.rmSync(dir, { recursive: true, force: true });
    log(
      `times: ${timings
        .map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)} s`)
        .join('; ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const r of replicas) if (r.child) r.child.kill('SIGKILL');
    process.exit(130);
  });
}

main().then(
  () => log('PASS'),
  e => {
    console.error(`[replicas] FAIL: ${e.message}`);
    process.exit(1);
  },
);

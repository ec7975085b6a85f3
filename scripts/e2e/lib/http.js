/*
 * HTTP for the end-to-end scripts: a free port, a request that never throws
 * (status 0 and the error on a network failure), and polling until an answer
 * is right.
 */
const http = require('http');
const net = require('net');
const { sleep } = require('./process');

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

/**
 * `method url` with an optional bearer token and JSON body; resolves to
 * `{ status, body }` (the body as text), `{ status: 0 }` on a network error
 * or after `timeoutMs`.
 */
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

/**
 * Calls `fn` every `everyMs` until it answers `{ ok: true, ... }` (returned);
 * throws after `timeoutMs`, or as soon as `dead()` names a process that
 * exited while it should not have.
 */
async function waitFor(
  what,
  fn,
  timeoutMs,
  { everyMs = 1000, dead = () => undefined } = {},
) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last && last.ok) return last;
    const gone = dead();
    if (gone) throw new Error(`${gone} while waiting for ${what}`);
    await sleep(everyMs);
  }
  throw new Error(
    `timed out after ${
      timeoutMs / 1000
    } s waiting for ${what}; last: ${JSON.stringify(last).slice(0, 500)}`,
  );
}

/** Waits until the backend at `base` answers its readiness check. */
function waitReady(what, base, timeoutMs, options) {
  return waitFor(
    what,
    async () => {
      const res = await request(
        'GET',
        `${base}/.backstage/health/v1/readiness`,
      );
      return { ok: res.status === 200, ...res };
    },
    timeoutMs,
    options,
  );
}

module.exports = { freePort, request, waitFor, waitReady };

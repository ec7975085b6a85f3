/*
 * What scripts/e2e/replicas.js gives the two backends: the generated pilots
 * of the bulk catalog, the config both replicas share and each one's own.
 */
const path = require('path');

const root = path.resolve(__dirname, '..', '..', '..');
/** Generated pilots (REPLICAS_BULK, default 600): enough for a refresh to take a while. */
const BULK = Number(process.env.REPLICAS_BULK || 600);
/**
 * The refresh task's schedule. The timeout bounds how long a killed run's
 * claim holds (the last phase waits it out); a full refresh of the ~615
 * pilots takes a few seconds.
 */
const FREQUENCY_S = 10;
const TIMEOUT_S = 30;

/** BULK generated pilots of `generation` (2 scores differently) and their owner group. */
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

/** The config both replicas share: database prefix, token, catalog, schedules. */
function sharedConfig({ prefix, token, dir }) {
  return `backend:
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
  # Evidence collection re-scores the pilots whose evidence changed (all of
  # them in its first run, a minute after start): not within this test, so
  # that only the refresh killed in the last phase writes in its window.
  evidence:
    schedule:
      frequency: { hours: 12 }
      initialDelay: { hours: 12 }
`;
}

/** One replica's own config: its port, and its name on database connections. */
function replicaConfig(name, port) {
  return `app:
  baseUrl: http://localhost:${port}
backend:
  baseUrl: http://localhost:${port}
  listen: '127.0.0.1:${port}'
  cors:
    origin: http://localhost:${port}
  database:
    connection:
      application_name: replica-${name}
`;
}

module.exports = {
  BULK,
  FREQUENCY_S,
  TIMEOUT_S,
  bulkCatalog,
  replicaConfig,
  root,
  sharedConfig,
};

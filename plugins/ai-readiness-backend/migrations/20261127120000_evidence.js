/*
 * Evidence results (shared/evidence.md): the latest answer of each collector
 * for each target it looks up, shared by every pilot that declares it.
 */
const { addColumns } = require('./util/columns');

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ai_readiness_evidence', table => {
    table.comment(
      'The latest evidence result of each item (collector and target), shared by the pilots that declare it',
    );
    addColumns(table, [
      'collector string(255): Id of the collector that decided it: links, pagerduty, grafana, or one added by a module',
      'target string(2048): What the collector looked up: a URL, a PagerDuty service id, a Grafana tag or uid',
      'state string(16): verified, refuted or unverified',
      'detail text: Why: the status code, "nobody on call", "host not allowed", ...',
      'checked_at string(32): When it was checked, ISO 8601 in UTC',
    ]);
    table.primary(['collector', 'target']);
    table.index(['checked_at'], 'ai_readiness_evidence_checked_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ai_readiness_evidence');
};

/*
 * Evidence results (shared/evidence.md): the latest answer of each collector
 * for each target it looks up, shared by every pilot that declares it.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ai_readiness_evidence', table => {
    table.comment(
      'The latest evidence result of each item (collector and target), shared by the pilots that declare it',
    );
    table
      .string('collector', 255)
      .notNullable()
      .comment(
        'Id of the collector that decided it: links, pagerduty, grafana, or one added by a module',
      );
    table
      .string('target', 2048)
      .notNullable()
      .comment(
        'What the collector looked up: a URL, a PagerDuty service id, a Grafana tag or uid',
      );
    table
      .string('state', 16)
      .notNullable()
      .comment('verified, refuted or unverified');
    table
      .text('detail')
      .notNullable()
      .comment(
        'Why: the status code, "nobody on call", "host not allowed", ...',
      );
    table
      .string('checked_at', 32)
      .notNullable()
      .comment('When it was checked, ISO 8601 in UTC');
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

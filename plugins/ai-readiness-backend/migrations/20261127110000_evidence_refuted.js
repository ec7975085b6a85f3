/*
 * Evidence (shared/evidence.md): how many of a pilot's evidence items are
 * refuted, so that GET /scorecards?evidence=refuted filters in the query.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ai_readiness_scorecards', table => {
    table
      .integer('evidence_refuted')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Number of the scorecard evidence items that a collector refuted (0 without evidence)',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ai_readiness_scorecards', table => {
    table.dropColumn('evidence_refuted');
  });
};

/*
 * Rubric v2: why an entity is a pilot (scope.rule), so that
 * GET /scorecards?scope= filters in the query.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ai_readiness_scorecards', table => {
    table
      .string('scope_rule', 32)
      .nullable()
      .comment(
        'The scope rule that made the entity a pilot (opt-in, type, agent, tag, model-dependency, tool-server); null for scorecards stored before rubric v2',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ai_readiness_scorecards', table => {
    table.dropColumn('scope_rule');
  });
};

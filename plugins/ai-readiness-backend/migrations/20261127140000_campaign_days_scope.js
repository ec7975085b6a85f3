/*
 * Campaign progress per day's scope (shared/targets.md: "how many pilots in
 * scope met the goal at the end of that day"): the daily record of campaigns
 * now keeps, for every campaign (level and checks goals), a row per pilot and
 * day on which the pilot's state changed: whether it is in the campaign's
 * scope and whether it meets the goal. Rows written before this migration
 * were written for pilots in scope only, so they default to in scope.
 */

const TABLE = 'ai_readiness_campaign_days';

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(TABLE, table => {
    table.comment(
      'State of a pilot in a campaign from a day on, until its next row: in scope or not, and whether it met the goal at the end of that day',
    );
    table
      .boolean('in_scope')
      .notNullable()
      .defaultTo(true)
      .comment(
        'Whether the pilot was in the scope of the campaign at the end of the day (false: it left the scope that day)',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  // Rows of pilots out of scope meant nothing to the previous schema.
  await knex(TABLE).where({ in_scope: false }).delete();
  await knex.schema.alterTable(TABLE, table => {
    table.dropColumn('in_scope');
    table.comment(
      'Whether each pilot in scope met a checks-goal campaign at the end of a day',
    );
  });
};

/*
 * The change check (scheduler/changeCheckTask.ts): the catalog etag of each
 * pilot and of each entity a pilot's checks read, and which pilot read
 * which entity, so that a tick reads only etags and re-evaluates only the
 * pilots whose inputs changed.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ai_readiness_etags', table => {
    table.comment(
      'The catalog metadata.etag last seen of each pilot, of each entity a pilot read, and of candidates found not to be pilots',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment('Lower-cased entity ref');
    table
      .string('etag', 255)
      .notNullable()
      .comment('metadata.etag as the catalog last sent it');
    table
      .string('role', 16)
      .notNullable()
      .comment(
        'pilot, input (read by a pilot) or candidate (matched the pilot filter, not a pilot)',
      );
  });
  await knex.schema.createTable('ai_readiness_pilot_inputs', table => {
    table.comment('Which entities each pilot read when it was last evaluated');
    table
      .string('pilot_ref', 255)
      .notNullable()
      .comment('Lower-cased ref of the pilot');
    table
      .string('input_ref', 255)
      .notNullable()
      .comment('Lower-cased ref of an entity its checks read');
    table.primary(['pilot_ref', 'input_ref']);
    table.index(['input_ref'], 'ai_readiness_pilot_inputs_input_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ai_readiness_pilot_inputs');
  await knex.schema.dropTable('ai_readiness_etags');
};

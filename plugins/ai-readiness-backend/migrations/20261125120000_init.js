/*
 * The AI readiness store: the latest scorecard of every pilot, its history,
 * the level drops that owners are told about, and a revision counter that
 * every write bumps (replicas use it to know when their read caches are stale).
 */
const { addColumns } = require('./util/columns');

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ai_readiness_scorecards', table => {
    table.comment(
      'The latest readiness scorecard of every AI pilot in the catalog',
    );
    table
      .string('entity_ref', 512)
      .primary()
      .notNullable()
      .comment(
        'Entity reference of the pilot, lower-cased (kind:namespace/name)',
      );
    addColumns(table, [
      'namespace string(255): Namespace of the pilot',
      'kind string(255): Kind of the pilot',
      'name string(255): Name of the pilot',
      'title text: Display title of the pilot',
      'owner string(512)?: Lower-cased entity reference of the technical owner, if any',
      'system string(512)?: Lower-cased entity reference of the system, if any',
      'level string(8): Readiness level, L0 to L3',
      'score double: Overall score, 0 to 100',
      'failing_checks text: JSON array of the ids of checks that fail, are partial or in error',
      'failing_dimensions text: Ids of dimensions scoring below 1, as |id|id| for filtering',
      'dimension_scores text: JSON object of dimension id to score (0 to 1, or null)',
      'search_text text: Lower-cased text searched by the q parameter (ref, title, owner, system)',
      'evaluated_at string(32): ISO 8601 UTC timestamp of the evaluation',
      'summary text: JSON of the scorecard summary (no checks)',
      'scorecard text: JSON of the full scorecard',
    ]);
    table.index(['owner'], 'ai_readiness_scorecards_owner_idx');
    table.index(['system'], 'ai_readiness_scorecards_system_idx');
    table.index(['level'], 'ai_readiness_scorecards_level_idx');
  });

  await knex.schema.createTable('ai_readiness_history', table => {
    table.comment(
      'Append-only history: one row per pilot per change of level or score, and at most one more per day',
    );
    table.bigIncrements('id').comment('Row id, increasing with time');
    addColumns(table, [
      'entity_ref string(512): Entity reference of the pilot, lower-cased',
      'evaluated_at string(32): ISO 8601 UTC timestamp of the evaluation',
      'day string(10): UTC day of the evaluation, YYYY-MM-DD',
      'level string(8): Readiness level, L0 to L3',
      'score double: Overall score, 0 to 100',
      'dimension_scores text: JSON object of dimension id to score (0 to 1, or null)',
    ]);
    table.index(
      ['entity_ref', 'evaluated_at'],
      'ai_readiness_history_entity_idx',
    );
    table.index(['evaluated_at'], 'ai_readiness_history_evaluated_at_idx');
  });

  await knex.schema.createTable('ai_readiness_level_drops', table => {
    table.comment(
      'Drops of a pilot level between two evaluations, and whether owners were notified',
    );
    table.bigIncrements('id').comment('Row id');
    addColumns(table, [
      'entity_ref string(512): Entity reference of the pilot, lower-cased',
      'previous_evaluated_at string(32): Timestamp of the evaluation before the drop (with entity_ref, identifies the drop)',
      'evaluated_at string(32): Timestamp of the evaluation that dropped',
      'from_level string(8): Level before the drop',
      'to_level string(8): Level after the drop',
      'title text: Display title of the pilot',
      'owner string(512)?: Entity reference of the owner to notify, as written on the scorecard',
      'notified_at string(32)?: When a replica claimed the notification; null while pending',
    ]);
    table.unique(['entity_ref', 'previous_evaluated_at'], {
      indexName: 'ai_readiness_level_drops_unique',
    });
  });

  await knex.schema.createTable('ai_readiness_revision', table => {
    table.comment(
      'A single row whose revision grows with every write to the scorecards',
    );
    table.integer('id').primary().notNullable().comment('Always 1');
    table
      .bigInteger('revision')
      .notNullable()
      .comment('Increases with every write');
  });
  await knex('ai_readiness_revision').insert({ id: 1, revision: 0 });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ai_readiness_revision');
  await knex.schema.dropTable('ai_readiness_level_drops');
  await knex.schema.dropTable('ai_readiness_history');
  await knex.schema.dropTable('ai_readiness_scorecards');
};

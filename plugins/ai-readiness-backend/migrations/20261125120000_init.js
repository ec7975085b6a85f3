/*
 * The AI readiness store: the latest scorecard of every pilot, its history,
 * the level drops that owners are told about, and a revision counter that
 * every write bumps (replicas use it to know when their read caches are stale).
 */

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
    table
      .string('namespace', 255)
      .notNullable()
      .comment('Namespace of the pilot');
    table.string('kind', 255).notNullable().comment('Kind of the pilot');
    table.string('name', 255).notNullable().comment('Name of the pilot');
    table.text('title').notNullable().comment('Display title of the pilot');
    table
      .string('owner', 512)
      .nullable()
      .comment('Lower-cased entity reference of the technical owner, if any');
    table
      .string('system', 512)
      .nullable()
      .comment('Lower-cased entity reference of the system, if any');
    table.string('level', 8).notNullable().comment('Readiness level, L0 to L3');
    table.double('score').notNullable().comment('Overall score, 0 to 100');
    table
      .text('failing_checks')
      .notNullable()
      .comment(
        'JSON array of the ids of checks that fail, are partial or in error',
      );
    table
      .text('failing_dimensions')
      .notNullable()
      .comment('Ids of dimensions scoring below 1, as |id|id| for filtering');
    table
      .text('dimension_scores')
      .notNullable()
      .comment('JSON object of dimension id to score (0 to 1, or null)');
    table
      .text('search_text')
      .notNullable()
      .comment(
        'Lower-cased text searched by the q parameter (ref, title, owner, system)',
      );
    table
      .string('evaluated_at', 32)
      .notNullable()
      .comment('ISO 8601 UTC timestamp of the evaluation');
    table
      .text('summary')
      .notNullable()
      .comment('JSON of the scorecard summary (no checks)');
    table.text('scorecard').notNullable().comment('JSON of the full scorecard');
    table.index(['owner'], 'ai_readiness_scorecards_owner_idx');
    table.index(['system'], 'ai_readiness_scorecards_system_idx');
    table.index(['level'], 'ai_readiness_scorecards_level_idx');
  });

  await knex.schema.createTable('ai_readiness_history', table => {
    table.comment(
      'Append-only history: one row per pilot per change of level or score, and at most one more per day',
    );
    table.bigIncrements('id').comment('Row id, increasing with time');
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Entity reference of the pilot, lower-cased');
    table
      .string('evaluated_at', 32)
      .notNullable()
      .comment('ISO 8601 UTC timestamp of the evaluation');
    table
      .string('day', 10)
      .notNullable()
      .comment('UTC day of the evaluation, YYYY-MM-DD');
    table.string('level', 8).notNullable().comment('Readiness level, L0 to L3');
    table.double('score').notNullable().comment('Overall score, 0 to 100');
    table
      .text('dimension_scores')
      .notNullable()
      .comment('JSON object of dimension id to score (0 to 1, or null)');
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
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Entity reference of the pilot, lower-cased');
    table
      .string('previous_evaluated_at', 32)
      .notNullable()
      .comment(
        'Timestamp of the evaluation before the drop (with entity_ref, identifies the drop)',
      );
    table
      .string('evaluated_at', 32)
      .notNullable()
      .comment('Timestamp of the evaluation that dropped');
    table
      .string('from_level', 8)
      .notNullable()
      .comment('Level before the drop');
    table.string('to_level', 8).notNullable().comment('Level after the drop');
    table.text('title').notNullable().comment('Display title of the pilot');
    table
      .string('owner', 512)
      .nullable()
      .comment(
        'Entity reference of the owner to notify, as written on the scorecard',
      );
    table
      .string('notified_at', 32)
      .nullable()
      .comment('When a replica claimed the notification; null while pending');
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

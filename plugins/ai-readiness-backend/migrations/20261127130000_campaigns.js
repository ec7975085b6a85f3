/*
 * Campaigns (shared/targets.md): the notifications sent to pilot owners, one
 * row per pilot, campaign and occasion, inserted before the notification is
 * sent so that replicas never send one twice; and a daily record of which
 * pilots meet a campaign whose goal is a list of checks (the scorecard history
 * keeps levels, not check statuses).
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(
    'ai_readiness_campaign_notifications',
    table => {
      table.comment(
        'Campaign notifications to pilot owners: a row is inserted (claimed) before the notification is sent',
      );
      table.bigIncrements('id').comment('Row id');
      table
        .string('campaign_id', 100)
        .notNullable()
        .comment('Id of the campaign in aiReadiness.campaigns');
      table
        .string('entity_ref', 512)
        .notNullable()
        .comment('Entity reference of the pilot, lower-cased');
      table
        .string('occasion', 32)
        .notNullable()
        .comment(
          'Why it was sent: active (campaign active or pilot entered scope), due-14, due-3 or overdue',
        );
      table
        .string('recipient', 512)
        .nullable()
        .comment('Entity reference of the owner notified, as on the scorecard');
      table
        .string('claimed_at', 32)
        .notNullable()
        .comment(
          'ISO 8601 UTC timestamp when a replica claimed the notification',
        );
      table.unique(['campaign_id', 'entity_ref', 'occasion'], {
        indexName: 'ai_readiness_campaign_notifications_unique',
      });
    },
  );

  await knex.schema.createTable('ai_readiness_campaign_days', table => {
    table.comment(
      'Whether each pilot in scope met a checks-goal campaign at the end of a day',
    );
    table
      .string('campaign_id', 100)
      .notNullable()
      .comment('Id of the campaign in aiReadiness.campaigns');
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Entity reference of the pilot, lower-cased');
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table
      .boolean('met')
      .notNullable()
      .comment('Whether every goal check passed or was waived that day');
    table.primary(
      ['campaign_id', 'entity_ref', 'day'],
      'ai_readiness_campaign_days_pk',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ai_readiness_campaign_days');
  await knex.schema.dropTable('ai_readiness_campaign_notifications');
};

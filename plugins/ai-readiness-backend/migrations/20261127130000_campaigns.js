/*
 * Campaigns (shared/targets.md): the notifications sent to pilot owners, one
 * row per pilot, campaign and occasion, inserted before the notification is
 * sent so that replicas never send one twice; and a daily record of which
 * pilots meet a campaign whose goal is a list of checks (the scorecard history
 * keeps levels, not check statuses).
 */
const { addColumns } = require('./util/columns');

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
      addColumns(table, [
        'campaign_id string(100): Id of the campaign in aiReadiness.campaigns',
        'entity_ref string(512): Entity reference of the pilot, lower-cased',
        'occasion string(32): Why it was sent: active (campaign active or pilot entered scope), due-14, due-3 or overdue',
        'recipient string(512)?: Entity reference of the owner notified, as on the scorecard',
        'claimed_at string(32): ISO 8601 UTC timestamp when a replica claimed the notification',
      ]);
      table.unique(['campaign_id', 'entity_ref', 'occasion'], {
        indexName: 'ai_readiness_campaign_notifications_unique',
      });
    },
  );

  await knex.schema.createTable('ai_readiness_campaign_days', table => {
    table.comment(
      'Whether each pilot in scope met a checks-goal campaign at the end of a day',
    );
    addColumns(table, [
      'campaign_id string(100): Id of the campaign in aiReadiness.campaigns',
      'entity_ref string(512): Entity reference of the pilot, lower-cased',
      'day string(10): UTC day, YYYY-MM-DD',
      'met boolean: Whether every goal check passed or was waived that day',
    ]);
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

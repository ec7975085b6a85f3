/*
 * Waiver requests (shared/waivers.md): asked for by a pilot's owners, decided
 * by someone else, and every change of state kept as an audit entry. Nothing
 * is deleted: a request ends denied, revoked, expired or lapsed.
 */
const { addColumns } = require('./util/columns');

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ai_readiness_waiver_requests', table => {
    table.comment('Requests for a waiver of one check of one AI pilot');
    addColumns(table, [
      'id string(64): Request id (a UUID)',
      'entity_ref string(512): Lower-cased entity ref of the pilot',
      'check_id string(64): The check to waive, e.g. SEC-2',
      'category string(16): waiver (risk accepted) or mitigated (a compensating control)',
      'justification text: Why, at least 20 characters',
      'expires string(10): YYYY-MM-DD, the last day the waiver applies',
      'control_url string(2048)?: The compensating control (mitigated): an evidence item of the pilot',
      'ticket string(512)?: A ticket reference',
      'requested_by string(512): User entity ref of the requester',
      'requested_at string(32): ISO 8601 time of the request',
      'state string(16): pending, approved, denied, revoked, expired or lapsed',
      'decided_by string(512)?: User entity ref of who approved or denied it',
      'decided_at string(32)?: ISO 8601 time of the decision',
      'comment text?: The decision comment',
      'reminded_at string(32)?: When the owners were told it expires within 14 days (sent once)',
    ]);
    table.primary(['id']);
    table.index(['entity_ref'], 'ai_readiness_waiver_requests_entity_idx');
    table.index(['state'], 'ai_readiness_waiver_requests_state_idx');
  });
  await knex.schema.createTable('ai_readiness_waiver_audit', table => {
    table.comment('Every change of state of a waiver request, oldest first');
    table.increments('id').comment('Order of the entries');
    addColumns(table, [
      'request_id string(64): The request',
      'at string(32): ISO 8601 time of the change',
      'actor string(512): User entity ref, or "system" for expiry and lapse',
      'from_state string(16)?: State before (null when the request was made)',
      'to_state string(16): State after',
      'comment text?: What the actor wrote, or why the system changed it',
    ]);
    table
      .foreign('request_id')
      .references('id')
      .inTable('ai_readiness_waiver_requests');
    table.index(['request_id'], 'ai_readiness_waiver_audit_request_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ai_readiness_waiver_audit');
  await knex.schema.dropTable('ai_readiness_waiver_requests');
};

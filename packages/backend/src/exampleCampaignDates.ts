/*
 * Dates of the example campaigns in app-config.yaml, relative to the day the
 * portal starts, so that a newcomer always sees one campaign done and one
 * active with a deadline ahead. app-config.yaml reads them through Backstage's
 * environment substitution with a fallback (`${VAR:-2026-12-31}`); this sets
 * the variables, unless already set, before the backend reads its config.
 * A real portal writes fixed dates instead and drops this file.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

function daysFromToday(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}

const defaults: Record<string, string> = {
  AI_READINESS_EXAMPLE_CAMPAIGN_START: daysFromToday(-21),
  AI_READINESS_EXAMPLE_CAMPAIGN_DEADLINE_SOON: daysFromToday(10),
  AI_READINESS_EXAMPLE_CAMPAIGN_DEADLINE: daysFromToday(45),
};

for (const [name, value] of Object.entries(defaults)) {
  process.env[name] ??= value;
}

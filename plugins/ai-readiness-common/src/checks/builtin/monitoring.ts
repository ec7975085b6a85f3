import { CheckDefinition, fail, partial, pass, short } from '../types';
import { ON_CALL_READS, mergeReads } from './sharedReads';
import { snippet } from '../yaml';
import { MalformedFieldError } from '../../engine/graph';
import { isSafeHttpUrl } from '../../util/urls';
import {
  addDuration,
  formatDay,
  parseIsoDate,
  parseIsoDuration,
} from '../../util/dates';

const TELEMETRY_ANNOTATIONS = [
  'grafana/dashboard-selector',
  'grafana/overview-dashboard',
  'datadoghq.com/dashboard-url',
  'newrelic.com/dashboard-guid',
  'dynatrace.com/dynatrace-entity-id',
  'prometheus.io/rule',
  'sentry.io/project-slug',
];

const ALERT_ANNOTATIONS = [
  'grafana/alert-label-selector',
  'prometheus.io/alert',
];

export const AI_SIGNALS = [
  'input-quality',
  'output-quality',
  'override-rate',
  'escalation-rate',
  'fallback-rate',
  'latency',
  'business-impact',
];

export const monitoringChecks: CheckDefinition[] = [
  {
    id: 'MON-1',
    dimension: 'monitoring',
    reads: {
      annotations: TELEMETRY_ANNOTATIONS,
      urls: ['datadoghq.com/dashboard-url'],
      links: ['dashboard'],
    },
    title: 'Telemetry bound to a tool',
    gate: true,
    frameworks: ['MEASURE 2.4', 'MANAGE 4.1'],
    remediation: {
      text: 'Bind the pilot to its dashboards in your monitoring tool.',
      yaml: snippet({
        annotations: { 'grafana/dashboard-selector': "tags @> 'my-pilot'" },
      }),
    },
    evaluate(ctx) {
      // A dashboard URL that is not http(s) is malformed input whatever else is set.
      const datadog = ctx.annotation('datadoghq.com/dashboard-url');
      if (datadog !== undefined && !isSafeHttpUrl(datadog)) {
        throw new MalformedFieldError(
          'datadoghq.com/dashboard-url',
          datadog,
          'an http(s) URL',
        );
      }
      const bound = TELEMETRY_ANNOTATIONS.find(name => ctx.annotation(name));
      if (bound) return pass(`telemetry bound through ${bound}`);
      if (ctx.hasLink('dashboard'))
        return partial('only a dashboard link, no monitoring annotation');
      return fail(
        'no monitoring annotation (grafana, datadog, new relic, dynatrace, prometheus, sentry)',
      );
    },
  },
  {
    id: 'MON-2',
    dimension: 'monitoring',
    reads: { keys: ['monitored-signals'] },
    title: 'AI signals declared',
    frameworks: ['MEASURE 2.4', 'MEASURE 3.1'],
    remediation: {
      text: 'Declare which AI-specific signals are monitored: all seven.',
      yaml: snippet({
        annotations: { 'ai-readiness/monitored-signals': AI_SIGNALS.join(',') },
      }),
    },
    evaluate(ctx) {
      const key = 'monitored-signals';
      const value = ctx.key(key);
      if (!value) return fail(`${ctx.k(key)} is not set`);
      const named = new Set(
        value
          .split(',')
          .map(s => s.trim().toLowerCase())
          .filter(Boolean),
      );
      const known = AI_SIGNALS.filter(s => named.has(s));
      const unknown = [...named].filter(s => !AI_SIGNALS.includes(s));
      const missing = AI_SIGNALS.filter(s => !named.has(s));
      const tail = [
        missing.length ? `missing: ${missing.join(', ')}` : '',
        unknown.length
          ? `unknown, not counted: ${unknown
              .slice(0, 10)
              .map(s => s.slice(0, 40))
              .join(', ')}`
          : '',
      ]
        .filter(Boolean)
        .join('; ');
      const message = `${known.length} of 7 AI signals declared${
        tail ? `; ${tail}` : ''
      }`;
      if (known.length === 7) return pass(message);
      return known.length >= 4 ? partial(message) : fail(message);
    },
  },
  {
    id: 'MON-3',
    dimension: 'monitoring',
    reads: mergeReads({ annotations: ALERT_ANNOTATIONS }, ON_CALL_READS),
    title: 'Alerts routed to people',
    gate: true,
    frameworks: ['MANAGE 4.1', 'MANAGE 4.3'],
    remediation: {
      text: 'Define an alert source and route it to an on-call rotation (on the pilot or its owning team).',
      yaml: snippet({
        annotations: {
          'grafana/alert-label-selector': 'service=my-pilot',
          'pagerduty.com/service-id': 'PABC123',
        },
      }),
    },
    evaluate(ctx) {
      const alert = ALERT_ANNOTATIONS.find(name => ctx.annotation(name));
      const route = ctx.onCallRoute();
      if (alert && route)
        return pass(`alerts from ${alert} routed through ${route}`);
      if (alert) return partial(`alerts from ${alert}, but no on-call route`);
      if (route) return partial(`on-call route ${route}, but no alert source`);
      return fail('no alert source and no on-call route');
    },
  },
  {
    id: 'MON-4',
    dimension: 'monitoring',
    reads: { keys: ['business-kpi'], links: ['kpi-dashboard'] },
    title: 'Business impact tracked',
    frameworks: ['MEASURE 4.3', 'MAP 1.3'],
    remediation: {
      text: 'State the business KPI the pilot should move and link the dashboard that tracks it.',
      yaml: snippet({
        annotations: {
          'ai-readiness/business-kpi': 'median handling time down 20%',
        },
        links: [{ type: 'kpi-dashboard', title: 'KPI dashboard' }],
      }),
    },
    evaluate(ctx) {
      const kpi = ctx.key('business-kpi');
      const dashboard = ctx.hasLink('kpi-dashboard');
      if (kpi && dashboard)
        return pass('business KPI and a kpi-dashboard link');
      if (kpi)
        return partial('business KPI set, but no link of type kpi-dashboard');
      if (dashboard)
        return partial(
          `kpi-dashboard link, but ${ctx.k('business-kpi')} is not set`,
        );
      return fail(`no ${ctx.k('business-kpi')} and no kpi-dashboard link`);
    },
  },
  {
    id: 'MON-5',
    dimension: 'monitoring',
    reads: { keys: ['review-cadence', 'last-reviewed'] },
    title: 'Reviewed on a cadence',
    frameworks: ['GOVERN 1.5', 'MEASURE 4.2'],
    remediation: {
      text: 'Set how often the pilot is reviewed and record the date of the last review.',
      yaml: snippet({
        annotations: {
          'ai-readiness/review-cadence': 'P30D',
          'ai-readiness/last-reviewed': '2026-11-01',
        },
      }),
    },
    evaluate(ctx) {
      const cadenceValue = ctx.key('review-cadence');
      const lastValue = ctx.key('last-reviewed');
      if (cadenceValue === undefined)
        return fail(`${ctx.k('review-cadence')} is not set`);
      const cadence = parseIsoDuration(cadenceValue);
      if (!cadence) {
        throw new MalformedFieldError(
          ctx.k('review-cadence'),
          cadenceValue,
          'an ISO 8601 duration such as P30D or P3M',
        );
      }
      if (lastValue === undefined) {
        return partial(
          `cadence ${short(cadenceValue)}, but ${ctx.k(
            'last-reviewed',
          )} is not set`,
        );
      }
      const last = parseIsoDate(lastValue);
      if (last === undefined) {
        throw new MalformedFieldError(
          ctx.k('last-reviewed'),
          lastValue,
          'an ISO date (YYYY-MM-DD)',
        );
      }
      const due = addDuration(last, cadence);
      if (due >= ctx.asOfDay) {
        return pass(
          `last reviewed ${formatDay(last)}, next due ${formatDay(
            due,
          )} (cadence ${short(cadenceValue)})`,
        );
      }
      return partial(
        `review overdue since ${formatDay(due)}: last reviewed ${formatDay(
          last,
        )}, cadence ${short(cadenceValue)}`,
      );
    },
  },
];

import { AiReadinessConfigError, parseAiReadinessConfig } from './schema';
import { parseIsoDurationMs } from './evidence';

function errorOf(raw: unknown): AiReadinessConfigError {
  try {
    parseAiReadinessConfig(raw);
  } catch (error) {
    return error as AiReadinessConfigError;
  }
  throw new Error('expected a configuration error');
}

describe('aiReadiness.evidence config', () => {
  it('is optional and fills defaults when present', () => {
    expect(parseAiReadinessConfig({}).evidence).toBeUndefined();
    const config = parseAiReadinessConfig({
      evidence: {
        links: { allow: [{ host: 'Wiki.Example.com' }] },
        pagerduty: { token: 't' },
        grafana: { baseUrl: 'https://grafana.example.com/', token: 'g' },
      },
    });
    expect(config.evidence).toEqual({
      links: { allow: [{ host: 'wiki.example.com' }] },
      pagerduty: { baseUrl: 'https://api.pagerduty.com', token: 't' },
      grafana: { baseUrl: 'https://grafana.example.com', token: 'g' },
      maxAge: 'P2D',
    });
  });

  it.each([
    [
      { links: { allow: [{ host: 'https://wiki.example.com' }] } },
      'aiReadiness.evidence.links.allow[0].host',
      /a host name such as/,
    ],
    [
      { links: { allow: [{ host: 'x.com', hots: 'x' }] } },
      'aiReadiness.evidence.links.allow[0].hots',
      /unknown key/,
    ],
    [
      { links: { timeout: { second: 5 } } },
      'aiReadiness.evidence.links.timeout.second',
      /unknown key/,
    ],
    [
      { links: { concurrency: 0 } },
      'aiReadiness.evidence.links.concurrency',
      /greater than or equal to 1/,
    ],
    [
      { pagerduty: { baseUrl: 'ftp://pd', token: 't' } },
      'aiReadiness.evidence.pagerduty.baseUrl',
      /an http\(s\) URL/,
    ],
    [
      { grafana: { baseUrl: 'https://u:p@grafana', token: 't' } },
      'aiReadiness.evidence.grafana.baseUrl',
      /without credentials/,
    ],
    [
      { grafana: { baseUrl: 'https://grafana' } },
      'aiReadiness.evidence.grafana.token',
      /Required/,
    ],
    [{ maxAge: '2 days' }, 'aiReadiness.evidence.maxAge', /ISO 8601/],
    [{ requireVerified: 'L1' }, 'aiReadiness.evidence.requireVerified', /L2/],
    [{ colectors: {} }, 'aiReadiness.evidence.colectors', /unknown key/],
  ])('rejects %j naming %s', (evidence, path, problem) => {
    const error = errorOf({ evidence });
    expect(error).toBeInstanceOf(AiReadinessConfigError);
    expect(error.path).toBe(path);
    expect(error.problem).toMatch(problem);
  });

  it('never echoes a token in an error', () => {
    const error = errorOf({
      evidence: { pagerduty: { token: 12345678 } },
    });
    expect(error.path).toBe('aiReadiness.evidence.pagerduty.token');
    expect(error.message).not.toContain('12345678');
  });

  it('parses ISO 8601 durations', () => {
    expect(parseIsoDurationMs('P2D')).toBe(2 * 86_400_000);
    expect(parseIsoDurationMs('PT1H30M')).toBe(5_400_000);
    expect(parseIsoDurationMs('PT0.5S')).toBe(500);
    expect(parseIsoDurationMs('P')).toBeUndefined();
    expect(parseIsoDurationMs('PT')).toBeUndefined();
    expect(parseIsoDurationMs('2d')).toBeUndefined();
  });
});

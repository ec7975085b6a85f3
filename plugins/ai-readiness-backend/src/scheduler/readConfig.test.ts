import { ConfigReader } from '@backstage/config';
import { parseAiReadinessConfig } from '@ai-readiness/plugin-ai-readiness-common';
import {
  DEFAULT_CAMPAIGN_SCHEDULE,
  readCampaignSchedule,
} from './campaignTask';
import {
  readDurationMs,
  readHistoryRetention,
  readVisibilityTtlMs,
} from './readConfig';

function read(aiReadiness: object) {
  const config = new ConfigReader({ aiReadiness });
  return { config, settings: parseAiReadinessConfig(aiReadiness) };
}

describe('durations and cadences from config', () => {
  it('reads every duration key in Backstage form: an object or a string', () => {
    const { config } = read({
      evidence: { reloadInterval: { minutes: 2 } },
      history: { maxAge: 'P30D' },
    });
    expect(
      readDurationMs(config, 'aiReadiness.evidence.reloadInterval', {
        minutes: 1,
      }),
    ).toBe(120_000);
    expect(
      readDurationMs(config, 'aiReadiness.evidence.missing', { seconds: 3 }),
    ).toBe(3000);
    const { config: c2, settings } = read({ history: { maxAge: 'P30D' } });
    expect(readHistoryRetention(c2, settings).maxAgeMs).toBe(30 * 86_400_000);
  });

  it('keeps the older number keys working, the duration key winning', () => {
    const old = read({
      visibilityCache: { ttlSeconds: 4 },
      history: { maxAgeDays: 3 },
    });
    expect(readVisibilityTtlMs(old.config, old.settings)).toBe(4000);
    expect(readHistoryRetention(old.config, old.settings)).toMatchObject({
      maxAgeDays: 3,
    });
    const both = read({
      visibilityCache: { ttlSeconds: 4, ttl: { seconds: 0 } },
    });
    expect(readVisibilityTtlMs(both.config, both.settings)).toBe(0);
    expect(readVisibilityTtlMs(read({}).config, read({}).settings)).toBe(
      10_000,
    );
  });

  it('reads the campaign cadence, with defaults, and names a bad key', () => {
    expect(readCampaignSchedule(new ConfigReader({}))).toEqual({
      ...DEFAULT_CAMPAIGN_SCHEDULE,
      scope: 'global',
    });
    expect(
      readCampaignSchedule(
        new ConfigReader({
          aiReadiness: { campaignSchedule: { frequency: { hours: 1 } } },
        }),
      ),
    ).toMatchObject({ frequency: { hours: 1 }, timeout: { minutes: 10 } });
    expect(() =>
      readCampaignSchedule(
        new ConfigReader({
          aiReadiness: { campaignSchedule: { frequency: 'often' } },
        }),
      ),
    ).toThrow(/campaignSchedule/);
    expect(() =>
      readDurationMs(
        new ConfigReader({
          aiReadiness: { evidence: { reloadInterval: 'x' } },
        }),
        'aiReadiness.evidence.reloadInterval',
        { minutes: 1 },
      ),
    ).toThrow(/aiReadiness\.evidence\.reloadInterval/);
    expect(() =>
      readDurationMs(
        new ConfigReader({
          aiReadiness: { evidence: { reloadInterval: { seconds: 0 } } },
        }),
        'aiReadiness.evidence.reloadInterval',
        { minutes: 1 },
        1000,
      ),
    ).toThrow(
      'Invalid configuration at aiReadiness.evidence.reloadInterval: a duration above zero',
    );
  });
});

import { mockServices } from '@backstage/backend-test-utils';
import { withWaiverUpkeep } from './waiverTask';

describe('withWaiverUpkeep', () => {
  it('ends what no longer holds before each full refresh, and refreshes even when that fails', async () => {
    const order: string[] = [];
    const refresher = {
      refreshAll: jest.fn(async () => {
        order.push('refresh');
        return { pilots: 1 } as any;
      }),
    };
    let fail = false;
    const waivers = {
      upkeep: jest.fn(async () => {
        order.push('upkeep');
        if (fail) throw new Error('database gone');
        return { expired: 1, lapsed: 0, reminded: 0 };
      }),
    };
    const logger = mockServices.logger.mock();
    const wrapped = withWaiverUpkeep(refresher, waivers, logger);
    expect(await wrapped.refreshAll()).toEqual({ pilots: 1 });
    fail = true;
    await wrapped.refreshAll();
    expect(order).toEqual(['upkeep', 'refresh', 'upkeep', 'refresh']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('database gone'),
    );
  });
});

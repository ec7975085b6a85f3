import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  entityRoutePath,
  LEVEL_NAMES,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { ScorecardStore } from '../../database/ScorecardStore';
import type { LevelDropNotifier } from './types';

/**
 * Sends the level drops recorded by the store. Each drop is claimed in the
 * database before it is sent, so a re-run or a second replica never sends it
 * twice; a failed send gives the claim back for the next run.
 */
export function createLevelDropNotifier(options: {
  store: ScorecardStore;
  notifications: NotificationService;
  logger: LoggerService;
  /** When false, drops are marked handled without sending anything. */
  enabled?: boolean;
  now?: () => Date;
}): LevelDropNotifier {
  const { store, notifications, logger } = options;
  const enabled = options.enabled ?? true;
  const now = options.now ?? (() => new Date());
  return {
    async notifyPending() {
      let sent = 0;
      for (const drop of await store.listPendingDrops()) {
        if (!(await store.claimDrop(drop.id, now()))) continue;
        if (!enabled || !drop.owner) continue;
        try {
          await notifications.send({
            recipients: { type: 'entity', entityRef: drop.owner },
            payload: {
              title: `AI readiness of ${drop.title} dropped from ${drop.fromLevel} to ${drop.toLevel}`,
              description:
                `${drop.entityRef} is now ${drop.toLevel} (${
                  LEVEL_NAMES[drop.toLevel]
                }), ` +
                `down from ${drop.fromLevel} (${
                  LEVEL_NAMES[drop.fromLevel]
                }). ` +
                'Its scorecard lists what blocks the next level.',
              link: `/catalog/${entityRoutePath(drop.entityRef)}`,
              severity: 'high',
              topic: 'ai-readiness',
            },
          });
          sent += 1;
        } catch (error) {
          await store.releaseDrop(drop.id);
          logger.warn(
            `Could not notify ${drop.owner} of the level drop of ${drop.entityRef}: ${error}`,
          );
        }
      }
      return sent;
    },
  };
}

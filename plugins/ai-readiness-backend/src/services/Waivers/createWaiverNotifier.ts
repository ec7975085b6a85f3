import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  entityRoutePath,
  WaiverRequest,
} from '@ai-readiness/plugin-ai-readiness-common';

/** Who hears of what (shared/waivers.md, "Notifications"). */
export interface WaiverNotifier {
  /** A new request, to the approvers. */
  requested(
    request: WaiverRequest,
    approvers: readonly string[],
  ): Promise<void>;
  /** A decision, to the requester and the owner Group. */
  decided(
    request: WaiverRequest,
    owner: string | undefined,
    by: string,
  ): Promise<void>;
  /** Expiry within 14 days, expiry or lapse, to the owner Group. */
  ending(
    request: WaiverRequest,
    owner: string | undefined,
    why: string,
  ): Promise<void>;
}

export function createWaiverNotifier(options: {
  notifications: NotificationService;
  logger: LoggerService;
  enabled: boolean;
}): WaiverNotifier {
  const { notifications, logger, enabled } = options;

  async function send(
    recipients: readonly string[],
    request: WaiverRequest,
    title: string,
    description: string,
    severity: 'normal' | 'high',
  ) {
    const entityRef = [...new Set(recipients.filter(Boolean))];
    if (!enabled || !entityRef.length) return;
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef },
        payload: {
          title,
          description,
          link: `/catalog/${entityRoutePath(request.entityRef)}/ai-readiness`,
          severity,
          topic: 'ai-readiness-waivers',
        },
      });
    } catch (error) {
      // A lost notification must not undo the change it reports.
      logger.warn(
        `Could not send the notification "${title}" for waiver ${request.id}: ${error}`,
      );
    }
  }

  const what = (r: WaiverRequest) =>
    `${r.category === 'mitigated' ? 'mitigation' : 'waiver'} of ${
      r.checkId
    } for ${r.entityRef}`;

  return {
    requested: (request, approvers) =>
      send(
        approvers,
        request,
        `Waiver requested: ${request.checkId} of ${request.entityRef}`,
        `${request.requestedBy} asks for a ${what(request)} until ${
          request.expires
        }: ${request.justification}`,
        'normal',
      ),
    decided: (request, owner, by) =>
      send(
        [request.requestedBy, ...(owner ? [owner] : [])].filter(
          r => r.startsWith('user:') || r.startsWith('group:'),
        ),
        request,
        `Waiver ${request.state}: ${request.checkId} of ${request.entityRef}`,
        `${by} ${request.state} the ${what(request)}${
          request.comment ? `: ${request.comment}` : ''
        }`,
        request.state === 'approved' ? 'normal' : 'high',
      ),
    ending: (request, owner, why) =>
      send(
        owner ? [owner] : [],
        request,
        `Waiver ${why}: ${request.checkId} of ${request.entityRef}`,
        `The ${what(
          request,
        )} ${why}; the check counts as evaluated again once it ends.`,
        'high',
      ),
  };
}

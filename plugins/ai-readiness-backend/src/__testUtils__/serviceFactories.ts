/*
 * The services a test backend (or a benchmark's) replaces for the plugin: the
 * catalog, and notifications.
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';

/**
 * Service factories for the catalog (`catalog` makes it for each plugin that
 * asks) and for notifications (`send`; by default they go nowhere).
 */
export function catalogAndNotifications(
  catalog: () => CatalogService,
  send: NotificationService['send'] = async () => {},
) {
  return [
    createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: catalog,
    }),
    createServiceFactory({
      service: notificationService,
      deps: {},
      factory: () => ({ send }),
    }),
  ];
}

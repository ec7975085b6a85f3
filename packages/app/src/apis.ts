import { AnyApiFactory } from '@backstage/core-plugin-api';

/**
 * App-level API overrides. The defaults from `@backstage/app-defaults` cover
 * everything this portal needs (storage is the browser's local storage: the
 * user-settings backend is not part of this portal). Plugins register their
 * own APIs through `createPlugin({ apis })`.
 */
export const apis: AnyApiFactory[] = [];

import { EntityRefLink } from '@backstage/plugin-catalog-react';

/** Refs the backend uses for "no owner" (GET /campaigns/:id byOwner, pilots). */
const NO_OWNER = new Set(['', '(none)']);

/**
 * An owner as a newcomer reads it: a link to the entity page, named by its
 * title (EntityRefLink); "none" when there is no owner.
 */
export function OwnerLink(props: { owner: string | null | undefined }) {
  const { owner } = props;
  if (!owner || NO_OWNER.has(owner)) return <>none</>;
  return <EntityRefLink entityRef={owner} defaultKind="group" />;
}

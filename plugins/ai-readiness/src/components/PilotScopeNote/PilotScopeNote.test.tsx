import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { DefaultEntityPresentationApi } from '@backstage/plugin-catalog';
import type { Scorecard } from '@ai-readiness/plugin-ai-readiness-common';
import { PilotScopeNote } from './PilotScopeNote';

type Note = Pick<Scorecard, 'level' | 'scope' | 'cap'>;

const billingAgent = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'AiResource',
  metadata: { name: 'billing-agent', title: 'Billing agent' },
  spec: { type: 'agent', owner: 'group:default/ml' },
};

function renderNote(scorecard: Note, options: { routes?: boolean } = {}) {
  const presentation = DefaultEntityPresentationApi.create({
    catalogApi: catalogApiMock({ entities: [billingAgent] }),
  });
  return renderInTestApp(
    <TestApiProvider apis={[[entityPresentationApiRef, presentation]]}>
      <PilotScopeNote scorecard={scorecard} />
    </TestApiProvider>,
    options.routes === false
      ? {}
      : {
          mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        },
  );
}

describe('PilotScopeNote', () => {
  it('says why the entity is a pilot, in the scorecard’s words', async () => {
    await renderNote({
      level: 'L2',
      scope: {
        rule: 'model-dependency',
        message: 'uses resource:default/gpt (ai-model)',
      },
      cap: null,
    });
    expect(screen.getByTestId('scope-reason')).toHaveTextContent(
      'AI pilot because uses resource:default/gpt (ai-model)',
    );
    expect(screen.queryByTestId('level-cap')).not.toBeInTheDocument();
  });

  it('names the capping pilots as links titled from the catalog, and the own level', async () => {
    await renderNote({
      level: 'L1',
      scope: { rule: 'agent', message: 'AiResource of spec.type agent' },
      cap: {
        level: 'L3',
        by: ['airesource:default/billing-agent', 'airesource:default/gone'],
      },
    });
    const cap = screen.getByTestId('level-cap');
    // the title comes from the catalog once the presentation API answers
    const known = await within(cap).findByRole('link', {
      name: /Billing agent/,
    });
    expect(known).toHaveAttribute(
      'href',
      '/catalog/default/airesource/billing-agent',
    );
    // not in the catalog: still a link, named by the ref
    expect(within(cap).getByRole('link', { name: /gone/ })).toHaveAttribute(
      'href',
      '/catalog/default/airesource/gone',
    );
    expect(cap).toHaveTextContent(
      /^Capped at L1 by Billing agent, .*gone \(L1\); its own level is L3\.$/,
    );
    expect(screen.getByTestId('scope-reason')).toHaveTextContent(
      'AI pilot because AiResource of spec.type agent',
    );
  });

  it('shows a ref that does not parse as plain text, not as a link', async () => {
    await renderNote({
      level: 'L0',
      cap: { level: 'L2', by: ['::not a ref::'] },
    });
    const cap = screen.getByTestId('level-cap');
    expect(within(cap).queryByRole('link')).not.toBeInTheDocument();
    expect(cap).toHaveTextContent(
      'Capped at L0 by ::not a ref:: (L0); its own level is L2.',
    );
    expect(screen.queryByTestId('scope-reason')).not.toBeInTheDocument();
  });

  it('names the capping pilots without links where the app has no entity route', async () => {
    await renderNote(
      {
        level: 'L1',
        cap: { level: 'L2', by: ['airesource:default/billing-agent'] },
      },
      { routes: false },
    );
    const cap = screen.getByTestId('level-cap');
    expect(within(cap).queryByRole('link')).not.toBeInTheDocument();
    expect(await within(cap).findByText(/Billing agent/)).toBeInTheDocument();
  });

  it('renders nothing for a scorecard stored before scope and cap existed', async () => {
    await renderNote({ level: 'L1' });
    expect(screen.queryByTestId('pilot-scope-note')).not.toBeInTheDocument();
  });

  it('renders nothing for malformed fields instead of failing', async () => {
    await renderNote({
      level: 'L1',
      scope: { rule: 'tag' } as unknown as Scorecard['scope'],
      cap: { by: 'x' } as unknown as Scorecard['cap'],
    });
    expect(screen.queryByTestId('pilot-scope-note')).not.toBeInTheDocument();
  });
});

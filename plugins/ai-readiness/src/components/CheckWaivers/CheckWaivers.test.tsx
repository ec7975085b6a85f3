/* eslint-disable no-script-url */ // an unsafe control URL is part of what these tests feed in
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { CheckResult } from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef, AiReadinessApi } from '../../api';
import {
  makeScorecard,
  mockAiReadinessApi,
  responseError,
  waiverPolicy,
  waiverRequest,
} from '../../testUtils/fixtures';
import { CheckItem } from '../EntityAiReadinessContent/CheckItem';
import { PilotWaivers } from './PilotWaivers';

jest.setTimeout(30_000);
const slow = { timeout: 10_000 };

const ENTITY = 'component:default/fraud-explainer';
const checks = makeScorecard().dimensions.flatMap(d => d.checks);
const checkOf = (id: string) => checks.find(c => c.id === id)!;

/** A day as YYYY-MM-DD, `days` from today. */
const dayFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const latest = dayFromNow(90);

function apiWith(overrides: Partial<jest.Mocked<AiReadinessApi>> = {}) {
  return mockAiReadinessApi({
    getWaiverPolicy: jest
      .fn()
      .mockResolvedValue({ ...waiverPolicy, latestExpires: latest }),
    ...overrides,
  });
}

async function renderCheck(api: AiReadinessApi, check: CheckResult) {
  await renderInTestApp(
    <TestApiProvider apis={[[aiReadinessApiRef, api]]}>
      <PilotWaivers entityRef={ENTITY}>
        <CheckItem check={check} />
      </PilotWaivers>
    </TestApiProvider>,
  );
}

describe('CheckWaivers', () => {
  it('asks for a mitigated waiver on a failing check, bounded by the tier, and then shows it pending', async () => {
    const api = apiWith();
    await renderCheck(api, checkOf('FB-3'));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Request a waiver' }, slow),
    );
    const dialog = await screen.findByRole('dialog');
    const send = within(dialog).getByRole('button', {
      name: 'Send for approval',
    });
    expect(send).toBeDisabled();
    const expiry = within(dialog).getByLabelText(/Expires/);
    expect(expiry).toHaveValue(latest);
    expect(expiry).toHaveAttribute('max', latest);

    await userEvent.type(
      within(dialog).getByLabelText(/Justification/),
      'the manual fallback covers it until Q1',
    );
    await userEvent.click(
      within(dialog).getByLabelText('Mitigated by a compensating control'),
    );
    // Mitigated needs the control's URL: not a javascript: one.
    const url = within(dialog).getByLabelText(/Control URL/);
    await userEvent.type(url, 'javascript:alert(1)');
    expect(send).toBeDisabled();
    await userEvent.clear(url);
    await userEvent.type(url, 'https://controls.example.com/manual-review');
    // Past the tier's maximum: refused before it is sent.
    await userEvent.clear(expiry);
    await userEvent.type(expiry, dayFromNow(91));
    expect(send).toBeDisabled();
    await userEvent.clear(expiry);
    await userEvent.type(expiry, dayFromNow(30));
    await userEvent.type(within(dialog).getByLabelText(/Ticket/), 'RISK-7');

    api.listWaivers.mockResolvedValue({
      items: [
        waiverRequest({ category: 'mitigated', expires: dayFromNow(30) }),
      ],
      totalCount: 1,
    });
    await userEvent.click(send);
    expect(api.requestWaiver).toHaveBeenCalledWith({
      entityRef: ENTITY,
      checkId: 'FB-3',
      category: 'mitigated',
      justification: 'the manual fallback covers it until Q1',
      expires: dayFromNow(30),
      controlUrl: 'https://controls.example.com/manual-review',
      ticket: 'RISK-7',
    });
    expect(await screen.findByText('Waiver pending', {}, slow)).toBeVisible();
    // An open request: no second one.
    expect(
      screen.queryByRole('button', { name: 'Request a waiver' }),
    ).not.toBeInTheDocument();
  });

  it("shows the backend's reason when the request is refused", async () => {
    const api = apiWith({
      requestWaiver: jest
        .fn()
        .mockRejectedValue(
          await responseError(400, 'Invalid body "expires": at most 90 days'),
        ),
    });
    await renderCheck(api, checkOf('FB-3'));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Request a waiver' }, slow),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText(/Justification/),
      'the manual fallback covers it until Q1',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Send for approval' }),
    );
    expect(
      await within(dialog).findByText(/"expires": at most 90 days/),
    ).toBeVisible();
  });

  it('offers no request on a passing check, a check nothing waives, or outside a pilot tab', async () => {
    const api = apiWith({
      getWaiverPolicy: jest.fn().mockResolvedValue({
        ...waiverPolicy,
        latestExpires: latest,
        checks: { 'OWN-1': 'approval', 'FB-1': 'none' },
      }),
    });
    await renderCheck(api, checkOf('OWN-1'));
    await waitFor(() => expect(api.getWaiverPolicy).toHaveBeenCalled());
    await renderCheck(api, checkOf('FB-1'));
    await waitFor(() => expect(api.getWaiverPolicy).toHaveBeenCalledTimes(2));
    // Outside a pilot's tab (no PilotWaivers): nothing to ask with.
    await renderInTestApp(
      <TestApiProvider apis={[[aiReadinessApiRef, api]]}>
        <CheckItem check={checkOf('FB-3')} />
      </TestApiProvider>,
    );
    expect(screen.getByTestId('check-FB-3')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Request a waiver' }),
    ).not.toBeInTheDocument();
  });

  it('lists the history of a check and says who approved a waived check and until when', async () => {
    const api = apiWith({
      listWaivers: jest.fn().mockResolvedValue({
        items: [
          waiverRequest({
            id: 'w-2',
            checkId: 'OWN-4',
            state: 'approved',
            decidedBy: 'user:default/risk-lead',
            comment: 'fine until legal is done',
          }),
          waiverRequest({
            id: 'w-1',
            checkId: 'OWN-4',
            state: 'denied',
            decidedBy: 'user:default/risk-lead',
          }),
        ],
        totalCount: 2,
      }),
    });
    const waived: CheckResult = {
      ...checkOf('OWN-4'),
      waiver: {
        expires: '2027-01-31',
        reason: 'RACI under legal review',
        source: 'approved',
        category: 'waiver',
        approvedBy: 'user:default/risk-lead',
        requestId: 'w-2',
      },
    };
    await renderCheck(api, waived);
    expect(screen.getByTestId('waiver-OWN-4')).toHaveTextContent(
      'Waiver until 2027-01-31, approved by user:default/risk-lead: RACI under legal review',
    );
    expect(
      await screen.findByTestId('waiver-request-w-2', {}, slow),
    ).toHaveTextContent(
      /approved by user:default\/risk-lead: fine until legal/,
    );
    expect(screen.getByTestId('waiver-request-w-1')).toHaveTextContent(
      'Waiver denied',
    );
  });

  it("shows a request's history from GET /waivers/:id on demand", async () => {
    const request = waiverRequest({
      state: 'approved',
      decidedBy: 'user:default/approver',
      decidedAt: '2026-11-21T09:30:00.000Z',
      comment: 'until the Q1 release',
    });
    const api = apiWith({
      listWaivers: jest
        .fn()
        .mockResolvedValue({ items: [request], totalCount: 1 }),
      getWaiver: jest.fn().mockResolvedValue({
        ...request,
        audit: [
          {
            at: '2026-11-20T10:00:00.000Z',
            by: 'user:default/owner',
            from: null,
            to: 'pending',
            comment: null,
          },
          {
            at: '2026-11-21T09:30:00.000Z',
            by: 'user:default/approver',
            from: 'pending',
            to: 'approved',
            comment: 'until the Q1 release',
          },
        ],
      }),
    });
    await renderCheck(api, checkOf('FB-3'));
    await userEvent.click(
      await screen.findByRole('button', { name: 'History' }, slow),
    );
    const history = await screen.findByRole('list', {
      name: 'Request history',
    });
    expect(api.getWaiver).toHaveBeenCalledWith('w-1');
    const items = within(history).getAllByRole('listitem');
    expect(items.map(i => i.textContent)).toEqual([
      '2026-11-20 10:00 UTC · user:default/owner: requested (pending)',
      '2026-11-21 09:30 UTC · user:default/approver: pending → approved · “until the Q1 release”',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Hide history' }));
    expect(
      screen.queryByRole('list', { name: 'Request history' }),
    ).not.toBeInTheDocument();
  });
});

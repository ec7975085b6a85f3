import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { aiReadinessApiRef, AiReadinessApi } from '../../api';
import {
  mockAiReadinessApi,
  responseError,
  waiverRequest,
} from '../../testUtils/fixtures';
import { WaiversPage } from './WaiversPage';

jest.setTimeout(30_000);
const slow = { timeout: 10_000 };

const pending = waiverRequest({ id: 'w-pending' });
const approved = waiverRequest({
  id: 'w-approved',
  checkId: 'SEC-2',
  category: 'mitigated',
  controlUrl: 'https://controls.example.com/dpa',
  state: 'approved',
  decidedBy: 'user:default/risk-lead',
  comment: 'the DPA covers it',
});

async function renderPage(api: AiReadinessApi) {
  await renderInTestApp(
    <TestApiProvider apis={[[aiReadinessApiRef, api]]}>
      <WaiversPage />
    </TestApiProvider>,
  );
}

describe('WaiversPage', () => {
  it('lists requests as the backend orders them (pending first) with what each allows', async () => {
    const api = mockAiReadinessApi({
      listWaivers: jest
        .fn()
        .mockResolvedValue({ items: [pending, approved], totalCount: 2 }),
    });
    await renderPage(api);
    const rows = await screen.findAllByTestId(/^waiver-row-/, {}, slow);
    expect(rows.map(r => r.getAttribute('data-testid'))).toEqual([
      'waiver-row-w-pending',
      'waiver-row-w-approved',
    ]);
    const first = within(rows[0]);
    expect(first.getByRole('button', { name: /^Approve/ })).toBeVisible();
    expect(first.getByRole('button', { name: /^Deny/ })).toBeVisible();
    const second = within(rows[1]);
    expect(second.getByText('SEC-2 (mitigated)')).toBeVisible();
    expect(second.getByRole('link', { name: /^control/ })).toHaveAttribute(
      'href',
      'https://controls.example.com/dpa',
    );
    expect(second.getByRole('button', { name: /^Revoke/ })).toBeVisible();
    expect(second.queryByRole('button', { name: /^Approve/ })).toBeNull();
  });

  it('approves with a comment and reloads the list', async () => {
    const api = mockAiReadinessApi({
      listWaivers: jest
        .fn()
        .mockResolvedValue({ items: [pending], totalCount: 1 }),
    });
    await renderPage(api);
    const row = await screen.findByTestId('waiver-row-w-pending', {}, slow);
    await userEvent.click(
      within(row).getByRole('button', { name: /^Approve/ }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(pending.justification);
    await userEvent.type(
      within(dialog).getByLabelText('Comment'),
      'fine until the release',
    );
    api.listWaivers.mockResolvedValue({
      items: [{ ...pending, state: 'approved' }],
      totalCount: 1,
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    expect(api.decideWaiver).toHaveBeenCalledWith(
      'w-pending',
      'approve',
      'fine until the release',
    );
    await waitFor(() =>
      expect(
        within(screen.getByTestId('waiver-row-w-pending')).getByText(
          'approved',
        ),
      ).toBeVisible(),
    );
  });

  it("shows the backend's refusal in the dialog (the requester, a member of the owner Group)", async () => {
    const api = mockAiReadinessApi({
      listWaivers: jest
        .fn()
        .mockResolvedValue({ items: [pending], totalCount: 1 }),
      decideWaiver: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            403,
            'The requester cannot decide their own waiver',
          ),
        ),
    });
    await renderPage(api);
    const row = await screen.findByTestId('waiver-row-w-pending', {}, slow);
    await userEvent.click(within(row).getByRole('button', { name: /^Deny/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deny' }));
    expect(
      await within(dialog).findByText(
        'The requester cannot decide their own waiver',
      ),
    ).toBeVisible();
  });

  it('filters by state, check, pilot and owner, and downloads the register for the same filters', async () => {
    const api = mockAiReadinessApi();
    const createObjectURL = jest.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await renderPage(api);
    expect(
      await screen.findByText('No waiver requests', {}, slow),
    ).toBeVisible();
    await userEvent.click(screen.getByLabelText('State'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'pending' }),
    );
    await userEvent.type(screen.getByLabelText('Check'), 'sec-2');
    await userEvent.type(
      screen.getByLabelText('Pilot'),
      'component:default/fraud-explainer',
    );
    await userEvent.type(screen.getByLabelText('Owner'), 'group:default/ml');
    await waitFor(() =>
      expect(api.listWaivers).toHaveBeenLastCalledWith({
        state: 'pending',
        checkId: 'SEC-2',
        entityRef: 'component:default/fraud-explainer',
        owner: 'group:default/ml',
        limit: 25,
        offset: 0,
      }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: /risk register/ }),
    );
    expect(api.exportWaiversCsv).toHaveBeenCalledWith({
      state: 'pending',
      checkId: 'SEC-2',
      entityRef: 'component:default/fraud-explainer',
      owner: 'group:default/ml',
    });
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
  });
});

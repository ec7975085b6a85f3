import { render, screen, within } from '@testing-library/react';
import type { CheckEvidence } from '@ai-readiness/plugin-ai-readiness-common';
import { EvidenceMarks } from './EvidenceMarks';
import { relativeTime } from './relativeTime';

const NOW = new Date('2026-11-27T12:00:00Z');

const item = (over: Partial<CheckEvidence>): CheckEvidence => ({
  collector: 'links',
  target: 'https://grafana.example.com/d/abc',
  source: 'links[dashboard]',
  state: 'verified',
  detail: '200',
  checkedAt: '2026-11-27T09:00:00Z',
  ...over,
});

describe('EvidenceMarks', () => {
  it('marks a verified item with the item, the detail and when, exact time on hover', () => {
    render(<EvidenceMarks items={[item({})]} now={NOW} />);
    const row = screen.getByTestId('evidence-item');
    expect(row).toHaveAttribute('data-state', 'verified');
    expect(row).toHaveTextContent(
      'Verifiedlinks[dashboard] https://grafana.example.com/d/abc: 200 · checked 3 hours ago',
    );
    const time = within(row).getByText('checked 3 hours ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('title', '2026-11-27T09:00:00.000Z');
    expect(row.querySelector('svg')).not.toBeNull();
  });

  it('marks a refuted item, and an unverified one never collected', () => {
    render(
      <EvidenceMarks
        items={[
          item({
            collector: 'pagerduty',
            target: 'PABC123',
            source:
              'annotations[pagerduty.com/service-id] (on group:default/ml)',
            state: 'refuted',
            detail: 'nobody on call',
            checkedAt: '2026-11-25T12:00:00Z',
          }),
          item({
            collector: 'grafana',
            target: 'tag:x',
            source: 'annotations[grafana/dashboard-selector]',
            state: 'unverified',
            detail: 'not collected yet',
            checkedAt: '',
          }),
        ]}
        now={NOW}
      />,
    );
    const [refuted, unverified] = screen.getAllByTestId('evidence-item');
    expect(refuted).toHaveAttribute('data-state', 'refuted');
    expect(refuted).toHaveTextContent(
      'Refutedannotations[pagerduty.com/service-id] (on group:default/ml) PABC123: nobody on call · checked 2 days ago',
    );
    expect(unverified).toHaveTextContent(
      'Unverifiedannotations[grafana/dashboard-selector] tag:x: not collected yet · not checked yet',
    );
    // Distinct words and icons: colour is never the only signal.
    const icons = [refuted, unverified].map(r =>
      r.querySelector('svg path')?.getAttribute('d'),
    );
    expect(icons[0]).not.toEqual(icons[1]);
  });

  it('renders nothing without items (a check without evidence, or a scorecard stored before it)', () => {
    const { container, rerender } = render(<EvidenceMarks items={[]} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<EvidenceMarks items={undefined} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('relativeTime', () => {
  it.each([
    ['2026-11-27T11:59:30Z', '30 seconds ago'],
    ['2026-11-27T11:00:00Z', '1 hour ago'],
    ['2026-11-26T12:00:00Z', 'yesterday'],
    ['2026-11-13T12:00:00Z', '2 weeks ago'],
    ['2026-11-27T12:05:00Z', 'in 5 minutes'],
  ])('%s is %s', (iso, text) => {
    expect(relativeTime(iso, NOW)).toBe(text);
  });

  it('is undefined for no time', () => {
    expect(relativeTime('', NOW)).toBeUndefined();
    expect(relativeTime('soon', NOW)).toBeUndefined();
  });
});

import { render, screen } from '@testing-library/react';
import {
  EvidenceSummaryLine,
  evidenceSummaryText,
} from './EvidenceSummaryLine';

describe('EvidenceSummaryLine', () => {
  it('says how many items are verified and how many refuted', () => {
    render(
      <EvidenceSummaryLine
        counts={{ verified: 12, unverified: 2, refuted: 1 }}
      />,
    );
    expect(screen.getByTestId('evidence-summary')).toHaveTextContent(
      'Evidence: 12 of 15 items verified, 1 refuted',
    );
  });

  it('leaves out "refuted" when nothing is, and counts one item as one', () => {
    expect(
      evidenceSummaryText({ verified: 3, unverified: 1, refuted: 0 }),
    ).toBe('3 of 4 items verified');
    expect(
      evidenceSummaryText({ verified: 0, unverified: 1, refuted: 0 }),
    ).toBe('0 of 1 item verified');
  });

  it('renders nothing without items', () => {
    const { container, rerender } = render(
      <EvidenceSummaryLine
        counts={{ verified: 0, unverified: 0, refuted: 0 }}
      />,
    );
    expect(container).toBeEmptyDOMElement();
    rerender(<EvidenceSummaryLine counts={undefined} />);
    expect(container).toBeEmptyDOMElement();
  });
});

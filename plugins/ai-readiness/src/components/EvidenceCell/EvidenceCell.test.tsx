import { render } from '@testing-library/react';
import { EvidenceCell } from './EvidenceCell';

describe('EvidenceCell', () => {
  it('names refuted items first, then the verified share', () => {
    const { container } = render(
      <EvidenceCell counts={{ verified: 4, unverified: 1, refuted: 2 }} />,
    );
    expect(container).toHaveTextContent('2 refuted, 4/7 verified');
    expect(container.querySelector('svg')).not.toBeNull();
  });

  it('shows only the verified share when nothing is refuted', () => {
    const { container } = render(
      <EvidenceCell counts={{ verified: 3, unverified: 0, refuted: 0 }} />,
    );
    expect(container).toHaveTextContent(/^3\/3 verified$/);
  });

  it('says none without items or counts', () => {
    const { container, rerender } = render(
      <EvidenceCell counts={{ verified: 0, unverified: 0, refuted: 0 }} />,
    );
    expect(container).toHaveTextContent(/^none$/);
    rerender(<EvidenceCell counts={undefined} />);
    expect(container).toHaveTextContent(/^none$/);
  });
});

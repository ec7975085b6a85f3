import { render, screen } from '@testing-library/react';
import { CHECK_STATUSES } from '@ai-readiness/plugin-ai-readiness-common';
import { CheckStatusLabel } from './CheckStatusLabel';

describe('CheckStatusLabel', () => {
  it.each([
    ['pass', 'Pass'],
    ['partial', 'Partial'],
    ['fail', 'Fail'],
    ['error', 'Error'],
    ['waived', 'Waived'],
    ['not-applicable', 'N/A'],
  ] as const)('shows %s with an icon and the word %s', (status, label) => {
    const { container } = render(<CheckStatusLabel status={status} />);
    expect(screen.getByText(label)).toBeInTheDocument();
    expect(container.querySelector('svg')).not.toBeNull();
  });

  it('gives every status a distinct label and icon, so colour is never needed', () => {
    const rendered = CHECK_STATUSES.map(status => {
      const { container, unmount } = render(
        <CheckStatusLabel status={status} />,
      );
      const result = {
        text: container.textContent,
        icon: container.querySelector('svg path')?.getAttribute('d'),
      };
      unmount();
      return result;
    });
    expect(new Set(rendered.map(r => r.text)).size).toBe(CHECK_STATUSES.length);
    expect(new Set(rendered.map(r => r.icon)).size).toBe(CHECK_STATUSES.length);
  });
});

import { render, screen } from '@testing-library/react';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import CancelIcon from '@material-ui/icons/Cancel';
import { IconLabel } from './IconLabel';

describe('IconLabel', () => {
  it('shows the icon, hidden from screen readers, and the words, with the data attributes given', () => {
    const { container } = render(
      <IconLabel
        label="Pass"
        Icon={CheckCircleIcon}
        color="success"
        data-status="pass"
      />,
    );
    expect(screen.getByText('Pass')).toBeInTheDocument();
    const svg = container.querySelector('svg');
    expect(svg).toHaveAttribute('aria-hidden', 'true');
    expect(container.firstElementChild).toHaveAttribute('data-status', 'pass');
  });

  it('colours by the colour given, not by the icon', () => {
    const classOf = (color: 'success' | 'error') => {
      const { container, unmount } = render(
        <IconLabel label="x" Icon={CancelIcon} color={color} />,
      );
      const className = container.firstElementChild!.className;
      unmount();
      return className;
    };
    expect(classOf('success')).not.toBe(classOf('error'));
  });
});

import { render, screen } from '@testing-library/react';
import { TrendChart } from './TrendChart';
import { history } from '../../testUtils/fixtures';

describe('TrendChart', () => {
  it('draws score and level lines and summarises the trend in words', () => {
    // Given out of order: the chart sorts by time.
    render(<TrendChart points={[...history.items].reverse()} />);
    const chart = screen.getByRole('img');
    expect(chart).toHaveAttribute(
      'aria-label',
      expect.stringContaining('score 40 → 64, level L0 → L1'),
    );
    const score = screen.getByTestId('trend-score').getAttribute('d')!;
    expect(score.match(/[ML]/g)).toHaveLength(3);
    expect(screen.getByTestId('trend-level')).toBeInTheDocument();
    expect(screen.getByText('2026-11-01')).toBeInTheDocument();
    expect(screen.getByText('2026-11-25')).toBeInTheDocument();
  });

  it('handles a single evaluation', () => {
    render(<TrendChart points={[history.items[0]]} />);
    expect(screen.getByRole('img')).toHaveAttribute(
      'aria-label',
      expect.stringContaining('One evaluation on 2026-11-01'),
    );
  });

  it('says when there is no history', () => {
    render(<TrendChart points={[]} />);
    expect(screen.getByText(/No history yet/)).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});

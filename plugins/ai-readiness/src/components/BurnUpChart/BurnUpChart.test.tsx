import { render, screen } from '@testing-library/react';
import { BurnUpChart, burnUpSummary } from './BurnUpChart';

const campaign = { start: '2026-11-01', deadline: '2026-11-11' };

describe('BurnUpChart', () => {
  it('says whether progress is behind the straight line', () => {
    expect(
      burnUpSummary(campaign, [
        { date: '2026-11-01', met: 0, total: 10 },
        { date: '2026-11-06', met: 2, total: 10 },
      ]),
    ).toMatch(
      /2 of 10; behind the straight line to the deadline \(5 expected by now\)/,
    );
    expect(
      burnUpSummary(campaign, [{ date: '2026-11-06', met: 6, total: 10 }]),
    ).toMatch(/on or ahead/);
    expect(burnUpSummary(campaign, [])).toMatch(/starts on 2026-11-01/);
  });

  it('draws met and ideal lines up to the deadline, with a data table', () => {
    render(
      <BurnUpChart
        campaign={campaign}
        progress={[
          { date: '2026-11-01', met: 1, total: 4 },
          { date: '2026-11-02', met: 3, total: 4 },
        ]}
        width={500}
      />,
    );
    const chart = screen.getByTestId('burn-up-chart');
    expect(chart.querySelectorAll('.recharts-line')).toHaveLength(2);
    // The x axis reaches the deadline although today is earlier.
    expect(screen.getByText('2026-11-11')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(3);
  });

  it('leaves out the days before any pilot was evaluated', () => {
    const progress = [
      { date: '2026-11-01', met: 0, total: 0 },
      { date: '2026-11-02', met: 0, total: 0 },
      { date: '2026-11-03', met: 3, total: 4 },
    ];
    expect(burnUpSummary(campaign, progress)).toBe(
      'On 2026-11-03, 3 of 4 pilots met the goal; on or ahead of the straight line to the deadline. Deadline 2026-11-11.',
    );
    expect(
      burnUpSummary(campaign, [{ date: '2026-11-01', met: 0, total: 0 }]),
    ).toMatch(/No pilot in scope has been evaluated yet/);
    render(<BurnUpChart campaign={campaign} progress={progress} width={500} />);
    // Header and the one recorded day; ticks at start, last day and deadline.
    expect(screen.getAllByRole('row')).toHaveLength(2);
    const ticks = [
      ...screen
        .getByTestId('burn-up-chart')
        .querySelectorAll('.recharts-xAxis .recharts-cartesian-axis-tick'),
    ].map(tick => tick.textContent);
    expect(ticks).toEqual(['2026-11-01', '2026-11-03', '2026-11-11']);
  });
});

import { render, screen } from '@testing-library/react';
import { LevelBadge } from './LevelBadge';

describe('LevelBadge', () => {
  it('shows the level id and its name', () => {
    render(<LevelBadge level="L2" name="Limited rollout" />);
    expect(screen.getByText('L2 · Limited rollout')).toBeInTheDocument();
  });

  it('falls back to the rubric name of the level', () => {
    render(<LevelBadge level="L0" />);
    expect(screen.getByText('L0 · Unready')).toBeInTheDocument();
  });
});

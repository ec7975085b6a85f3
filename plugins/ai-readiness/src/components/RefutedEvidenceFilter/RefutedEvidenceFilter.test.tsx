import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RefutedEvidenceFilter } from './RefutedEvidenceFilter';

describe('RefutedEvidenceFilter', () => {
  it('turns the filter on and off', async () => {
    const onChange = jest.fn();
    const { rerender } = render(
      <RefutedEvidenceFilter checked={false} onChange={onChange} />,
    );
    const box = screen.getByRole('checkbox', {
      name: 'Only pilots with refuted evidence',
    });
    expect(box).not.toBeChecked();
    await userEvent.click(box);
    expect(onChange).toHaveBeenLastCalledWith(true);
    rerender(<RefutedEvidenceFilter checked onChange={onChange} />);
    expect(box).toBeChecked();
    await userEvent.click(box);
    expect(onChange).toHaveBeenLastCalledWith(false);
  });
});

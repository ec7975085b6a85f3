import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { makeScorecard } from '../../testUtils/fixtures';
import { FixAllDialog, countRemediations } from './FixAllDialog';

describe('FixAllDialog', () => {
  it('counts the remediations of checks short of pass', () => {
    expect(countRemediations(makeScorecard())).toBe(4);
  });

  it('opens one merged snippet with the edit link, which is a link only for http(s)', async () => {
    const user = userEvent.setup();
    const { unmount } = await renderInTestApp(
      <FixAllDialog
        scorecard={makeScorecard()}
        editLink={{
          url: 'https://git.example.com/edit',
          label: 'Edit catalog-info.yaml',
        }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Fix all (4)' }));
    expect(screen.getByLabelText('Merged remediation YAML')).toHaveTextContent(
      'ai-readiness/kill-switch: flags/x',
    );
    expect(
      screen.getByRole('link', { name: /Edit catalog-info.yaml/ }),
    ).toHaveAttribute('href', 'https://git.example.com/edit');
    unmount();
  });
});

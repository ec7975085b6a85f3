import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { YamlBlock } from './YamlBlock';

describe('YamlBlock', () => {
  it('shows the YAML with a copy button and the extra actions', async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    const yaml =
      'metadata:\n  annotations:\n    ai-readiness/risk-tier: limited\n';
    render(
      <YamlBlock yaml={yaml} label="Fix" actions={<span>edit here</span>} />,
    );
    expect(screen.getByLabelText('Fix')).toHaveTextContent(
      'ai-readiness/risk-tier: limited',
    );
    expect(screen.getByText('edit here')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy YAML' }));
    expect(writeText).toHaveBeenCalledWith(yaml);
  });
});

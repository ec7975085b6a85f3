/* eslint-disable no-script-url */ // unsafe URLs are what these tests feed in
import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { SafeLink } from './SafeLink';

describe('SafeLink', () => {
  it('links an https URL', async () => {
    await renderInTestApp(
      <SafeLink url="https://grafana.example.com/d/1">Dashboard</SafeLink>,
    );
    const link = screen.getByRole('link', { name: /Dashboard/ });
    expect(link).toHaveAttribute('href', 'https://grafana.example.com/d/1');
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    '//evil.example.com',
    'not a url',
  ])('shows %s as text, never as a link', async url => {
    const { container } = await renderInTestApp(
      <SafeLink url={url}>Dashboard</SafeLink>,
    );
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(container.querySelector('a')).toBeNull();
    expect(screen.getByTestId('unsafe-url')).toHaveTextContent(url.trim());
    expect(screen.getByText(/Dashboard/)).toBeInTheDocument();
  });
});

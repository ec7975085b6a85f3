import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { YamlEditor } from './YamlEditor';

describe('YamlEditor', () => {
  it('shows the YAML in a CodeMirror editor with line numbers', async () => {
    await renderInTestApp(
      <YamlEditor
        value={'kind: Component\nmetadata:\n  name: x\n'}
        onChange={() => {}}
        label="Draft"
      />,
    );
    const editor = screen.getByTestId('yaml-editor');
    expect(editor).toHaveAttribute('aria-label', 'Draft');
    expect(editor.querySelector('.cm-editor')).not.toBeNull();
    expect(editor.querySelector('.cm-content')).toHaveTextContent(
      'kind: Component',
    );
    expect(editor.querySelector('.cm-lineNumbers')).not.toBeNull();
  });
});

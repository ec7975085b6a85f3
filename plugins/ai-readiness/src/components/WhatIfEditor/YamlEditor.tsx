import { useMemo } from 'react';
import { useTheme } from '@material-ui/core/styles';
import CodeMirror from '@uiw/react-codemirror';
import { StreamLanguage } from '@codemirror/language';
import { yaml } from '@codemirror/legacy-modes/mode/yaml';

const yamlLanguage = StreamLanguage.define(yaml);

/**
 * A YAML editor: CodeMirror through @uiw/react-codemirror, the wrapper
 * Backstage's scaffolder uses, with the legacy YAML mode.
 */
export function YamlEditor(props: {
  value: string;
  onChange: (value: string) => void;
  label: string;
}) {
  const theme = useTheme();
  const extensions = useMemo(() => [yamlLanguage], []);
  return (
    <div data-testid="yaml-editor" aria-label={props.label}>
      <CodeMirror
        value={props.value}
        onChange={props.onChange}
        extensions={extensions}
        theme={theme.palette.type === 'dark' ? 'dark' : 'light'}
        minHeight="240px"
        maxHeight="560px"
        basicSetup={{ lineNumbers: true, foldGutter: true }}
      />
    </div>
  );
}

import { escapeData, escapeProperty, workflowCommand } from './github';
import { mdBlock, mdCode, mdText, htmlText } from './markdown';
import { plain } from './table';

describe('GitHub workflow command escaping', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe(
      '100%25 done%0D%0Anext: a, b',
    );
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('cannot be broken into a second command by catalog text', () => {
    const line = workflowCommand(
      'warning',
      { file: 'dir,x/c:at.yaml', line: 7, title: 'T: x' },
      'first\n::error::injected',
    );
    expect(line).toBe(
      '::warning file=dir%2Cx/c%3Aat.yaml,line=7,title=T%3A x::first%0A::error::injected',
    );
    expect(line.split('\n')).toHaveLength(1);
  });

  it('leaves out properties that are unknown', () => {
    expect(workflowCommand('error', { file: 'a.yaml', line: null }, 'm')).toBe(
      '::error file=a.yaml::m',
    );
  });
});

describe('Markdown escaping', () => {
  it('neutralises links, HTML, emphasis and table pipes in text', () => {
    const text = mdText('[click](javascript:alert(1)) <img src=x> *a* | b\nc');
    expect(text).toBe(
      '\\[click\\](javascript:alert(1)) \\<img src=x\\> \\*a\\* \\| b c',
    );
    expect(htmlText('<b a="1">&</b>')).toBe(
      '&lt;b a=&quot;1&quot;&gt;&amp;&lt;/b&gt;',
    );
  });

  it('fences code spans and blocks longer than any backtick run inside', () => {
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('x|y')).toBe('`x\\|y`');
    expect(mdBlock('a: 1\n```\n', 'yaml')).toBe('````yaml\na: 1\n```\n````');
    expect(mdBlock('a: 1', 'yaml')).toBe('```yaml\na: 1\n```');
  });
});

describe('terminal text', () => {
  it('strips control characters so catalog text cannot drive the terminal', () => {
    expect(plain('a\u001b[31mred\u0007\r\nb')).toBe('a[31mred b');
  });
});

describe('annotations for stdin', () => {
  it('name no file for input read from stdin', () => {
    expect(workflowCommand('error', { file: '<stdin>', line: 3 }, 'm')).toBe(
      '::error line=3::m',
    );
  });
});

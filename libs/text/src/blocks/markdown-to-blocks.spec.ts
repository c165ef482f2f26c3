import { markdownToBlocks } from './markdown-to-blocks';

describe(markdownToBlocks.name, () => {
  it('should keep heading levels and paragraph text when given sections', () => {
    const markdown =
      '# Email\n\nSet up **DKIM** and [SPF](https://example.com).\n\n## Troubleshooting\n\nCheck the logs.';
    expect(markdownToBlocks(markdown)).toEqual([
      { kind: 'heading', level: 1, text: 'Email' },
      { kind: 'paragraph', text: 'Set up DKIM and SPF.' },
      { kind: 'heading', level: 2, text: 'Troubleshooting' },
      { kind: 'paragraph', text: 'Check the logs.' },
    ]);
  });

  it('should render a list as one block with one line per item when lists nest', () => {
    const markdown = '- Log in\n- Open *Domains*\n  1. Pick one\n  2. Edit DNS\n\n3. Save\n4. Wait';
    expect(markdownToBlocks(markdown)).toEqual([
      { kind: 'list', text: '- Log in\n- Open Domains\n  1. Pick one\n  2. Edit DNS' },
      { kind: 'list', text: '3. Save\n4. Wait' },
    ]);
  });

  it('should keep code fences verbatim when they contain markup-like text', () => {
    const markdown =
      'Add this:\n\n```apache\nRewriteEngine On\n# not a heading\n```\n\n    indented code';
    expect(markdownToBlocks(markdown)).toEqual([
      { kind: 'paragraph', text: 'Add this:' },
      { kind: 'code', text: 'RewriteEngine On\n# not a heading' },
      { kind: 'code', text: 'indented code' },
    ]);
  });

  it('should render tables row by row when given a pipe table', () => {
    const markdown =
      '| Record | Value |\n| --- | --- |\n| MX | `mail.example.com` |\n| TXT | v=spf1 |';
    expect(markdownToBlocks(markdown)).toEqual([
      { kind: 'table', text: 'Record | Value\nMX | mail.example.com\nTXT | v=spf1' },
    ]);
  });

  it('should turn block quotes and HTML blocks into text when they appear', () => {
    const markdown =
      '> Note: backups run nightly.\n>\n> Keep 7 days.\n\n<div class="warn"><b>Careful</b></div>';
    expect(markdownToBlocks(markdown)).toEqual([
      { kind: 'quote', text: 'Note: backups run nightly.\nKeep 7 days.' },
      { kind: 'paragraph', text: 'Careful' },
    ]);
  });

  it('should return no blocks when the document is empty or only a rule', () => {
    expect(markdownToBlocks('\n\n---\n')).toEqual([]);
  });
});

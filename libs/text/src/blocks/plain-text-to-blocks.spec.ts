import { plainTextToBlocks } from './plain-text-to-blocks';

describe(plainTextToBlocks.name, () => {
  it('should split paragraphs at blank lines and join wrapped lines when given prose', () => {
    expect(plainTextToBlocks('First line\ncontinues here.\n\n\r\nSecond paragraph.')).toEqual([
      { kind: 'paragraph', text: 'First line continues here.' },
      { kind: 'paragraph', text: 'Second paragraph.' },
    ]);
  });

  it('should detect numbered, upper-case and title-case headings when followed by text', () => {
    const text =
      'GETTING STARTED\n\n2.1 Installing cPanel\n\nRun the installer.\n\nDNS Zone Editor\n\nOpen it.';
    expect(plainTextToBlocks(text)).toEqual([
      { kind: 'heading', level: 1, text: 'GETTING STARTED' },
      { kind: 'heading', level: 2, text: '2.1 Installing cPanel' },
      { kind: 'paragraph', text: 'Run the installer.' },
      { kind: 'heading', level: 2, text: 'DNS Zone Editor' },
      { kind: 'paragraph', text: 'Open it.' },
    ]);
  });

  it('should keep short lines as paragraphs when they read like sentences or end the text', () => {
    const text = 'Restart the server now\n\nThis fixes it.\n\nThanks for reading\n\nFinal Words';
    expect(plainTextToBlocks(text).map((block) => block.kind)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
  });

  it('should make a list block when every line is a list item', () => {
    expect(plainTextToBlocks('- Open cPanel\n- Click Email\n\n1. Save\n2) Exit')).toEqual([
      { kind: 'list', text: '- Open cPanel\n- Click Email' },
      { kind: 'list', text: '1. Save\n2) Exit' },
    ]);
  });

  it('should return no blocks when the text is blank', () => {
    expect(plainTextToBlocks(' \n\n \n')).toEqual([]);
  });
});

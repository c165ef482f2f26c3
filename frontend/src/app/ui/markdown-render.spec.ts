import { describe, expect, it } from '@jest/globals';

import { renderMarkdown } from './markdown-render';

describe('renderMarkdown', () => {
  it('formats ordinary Markdown', () => {
    const html = renderMarkdown('## Reset\n\n1. Open **cPanel**\n2. Run `passwd`');

    expect(html).toContain('<h2>Reset</h2>');
    expect(html).toContain('<strong>cPanel</strong>');
    expect(html).toContain('<code>passwd</code>');
  });

  it('shows raw HTML from the author as text', () => {
    const html = renderMarkdown(
      'Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> <iframe src="//evil"></iframe>',
    );

    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
  });

  it('drops links to script and data URLs and opens the rest in a separate tab', () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](data:text/html;base64,PHNjcmlwdD4=) [d](https://example.com/help)',
    );

    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html).toContain(
      '<a href="https://example.com/help" target="_blank" rel="noopener noreferrer nofollow">d</a>',
    );
  });

  it('loads no images, not even from Markdown syntax', () => {
    expect(renderMarkdown('![pixel](https://tracker.example/p.gif)')).not.toContain('<img');
  });

  it('turns citation markers into focusable source buttons, but not inside code or links', () => {
    const html = renderMarkdown(
      'Restart it [1][2].\n\n`array[3]` and [see [4]](https://x.example)',
    );

    expect(html).toContain(
      '<a class="citation" role="button" tabindex="0" title="Show source 1">[1]</a>',
    );
    expect(html).toContain('title="Show source 2">[2]</a>');
    expect(html).toContain('<code>array[3]</code>');
    expect(html).not.toContain('Show source 4');
  });
});

import { sameWebContent } from './web-content';

const page = (token: string, body: string): Buffer =>
  Buffer.from(
    `<!doctype html><html><head><meta name="csrf-token" content="${token}">` +
      `<script>var csrfToken = '${token}';</script><link rel="stylesheet" href="/a.css?v=${token}">` +
      `</head><body><!-- rendered in ${token.length} ms --><form><input type="hidden" name="token" value="${token}">` +
      `</form><main><h1>Webmail</h1>${body}</main></body></html>`,
  );

describe(sameWebContent.name, () => {
  it('should call a page the same when only its tokens and scripts changed', () => {
    expect(
      sameWebContent(page('a1b2', '<p>Port 2096.</p>'), page('z9y8x7', '<p>Port 2096.</p>')),
    ).toBe(true);
  });

  it('should call a page changed when its text changed', () => {
    expect(
      sameWebContent(page('a1b2', '<p>Port 2096.</p>'), page('a1b2', '<p>Port 2095.</p>')),
    ).toBe(false);
  });

  it('should compare other files by their bytes', () => {
    expect(sameWebContent(Buffer.from('# Title\n\nText'), Buffer.from('# Title\n\nText'))).toBe(
      true,
    );
    expect(sameWebContent(Buffer.from('# Title\n\nText'), Buffer.from('# Title\n\nText '))).toBe(
      false,
    );
  });
});

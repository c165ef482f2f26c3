import { entryText, isSitemap, linksOfPage, sitemapEntries } from './web-links';

describe(linksOfPage.name, () => {
  const page = new URL('https://help.example.com/knowledgebase/3/Email#top');

  it('should list the site’s pages in order, each once, with their text and no fragment', () => {
    const html = `
      <a href="/knowledgebase/12/Webmail-login.html">Webmail <b>login</b></a>
      <a class="x" href='../13/SPF.html#records'>SPF &amp; DKIM</a>
      <a href=/knowledgebase/12/Webmail-login.html>again</a>
      <a href="https://help.example.com/index.php?rp=/knowledgebase/14/Quota.html"></a>
      <a href="#top">Top</a>
      <a href="">This page</a>`;

    expect(linksOfPage(html, page)).toEqual([
      {
        url: 'https://help.example.com/knowledgebase/12/Webmail-login.html',
        text: 'Webmail login',
      },
      { url: 'https://help.example.com/knowledgebase/13/SPF.html', text: 'SPF & DKIM' },
      {
        url: 'https://help.example.com/index.php?rp=/knowledgebase/14/Quota.html',
        text: '',
      },
    ]);
  });

  it('should leave out other sites, other schemes and files that are not documents', () => {
    const html = `
      <a href="https://status.example.com/">Status</a>
      <a href="http://help.example.com/kb/plain-http">Other scheme, other origin</a>
      <a href="mailto:support@example.com">Mail us</a>
      <a href="javascript:alert(1)">Script</a>
      <a href="/assets/logo.png">Logo</a>
      <a href="/downloads/backup.tar.gz">Backup</a>
      <a href="/kb/guide.pdf">Guide</a>`;

    expect(linksOfPage(html, page).map((link) => link.url)).toEqual([
      'https://help.example.com/kb/guide.pdf',
    ]);
  });
});

describe(sitemapEntries.name, () => {
  it('should read the pages of a sitemap and the sitemaps of an index', () => {
    const sitemap = `<?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://help.example.com/kb/a?x=1&amp;y=2</loc><lastmod>2026-01-01</lastmod></url>
        <url><loc> https://help.example.com/kb/b </loc></url>
        <url><loc>ftp://help.example.com/kb/c</loc></url>
      </urlset>`;
    const index = `<sitemapindex><sitemap><loc>https://help.example.com/sitemap-kb.xml</loc></sitemap></sitemapindex>`;

    expect(isSitemap(sitemap)).toBe(true);
    expect(sitemapEntries(sitemap)).toEqual({
      pages: ['https://help.example.com/kb/a?x=1&y=2', 'https://help.example.com/kb/b'],
      sitemaps: [],
    });
    expect(isSitemap(index)).toBe(true);
    expect(sitemapEntries(index)).toEqual({
      pages: [],
      sitemaps: ['https://help.example.com/sitemap-kb.xml'],
    });
  });

  it('should not take a page that mentions a sitemap for one', () => {
    expect(
      isSitemap('<html><body><p>&lt;urlset&gt; is the root of a sitemap</p></body></html>'),
    ).toBe(false);
  });
});

describe(entryText.name, () => {
  it('should show an entry by its decoded path and query', () => {
    expect(entryText('https://help.example.com/kb/Mail%20setup?lang=en')).toBe(
      '/kb/Mail setup?lang=en',
    );
  });
});

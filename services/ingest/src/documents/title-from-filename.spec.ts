import { titleFromFilename } from './documents.service';

describe(titleFromFilename.name, () => {
  it('should drop the directory and the extension when given a path', () => {
    expect(titleFromFilename('C:\\docs\\Email setup.final.pdf')).toBe('Email setup.final');
  });

  it('should keep a name that is only an extension when nothing else is left', () => {
    expect(titleFromFilename('.htaccess')).toBe('.htaccess');
  });
});

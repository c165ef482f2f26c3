import { estimateTokens } from './token-estimator';

describe(estimateTokens.name, () => {
  it('should count short words as one token and punctuation separately when given prose', () => {
    expect(estimateTokens('Stop the web server.')).toBe(5);
  });

  it('should charge long words, digit runs and CJK characters more when they appear', () => {
    expect(estimateTokens('internationalization')).toBe(4);
    expect(estimateTokens('1234567')).toBe(3);
    expect(estimateTokens('日本語')).toBe(3);
  });

  it('should be zero when the text is only whitespace', () => {
    expect(estimateTokens(' \n\t ')).toBe(0);
  });

  it('should add up when texts are joined with whitespace', () => {
    const a = 'Point the MX record at mail.example.com.';
    const b = 'Then wait for DNS propagation (up to 24 hours).';
    expect(estimateTokens(`${a}\n\n${b}`)).toBe(estimateTokens(a) + estimateTokens(b));
  });
});

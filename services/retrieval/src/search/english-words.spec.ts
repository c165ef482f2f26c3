import { isEnglishWord } from './english-words';

describe(isEnglishWord.name, () => {
  it.each(['pending', 'attached', 'Orange', 'orders', 'note', 'colour', 'color'])(
    'should know %p',
    (word) => {
      expect(isEnglishWord(word)).toBe(true);
    },
  );

  it.each(['serch', 'acoount', 'registerd', 'domian', 'pasword', 'ngnix'])(
    'should not know the misspelling %p',
    (word) => {
      expect(isEnglishWord(word)).toBe(false);
    },
  );
});

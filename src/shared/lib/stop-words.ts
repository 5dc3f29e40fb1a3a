/**
 * Arabic function words (normalised): words in nearly every article, which say nothing about what one is
 * about. The related-articles ranking skips them; the search page says when a query holds nothing else.
 */
import { normalizeArabic, tokenize } from './arabic.ts';

const STOP_WORDS: ReadonlySet<string> = new Set(
  normalizeArabic(
    'التي الذي الذين اللذين اللتين هذا هذه ذلك تلك هؤلاء أولئك على إلى الى عن مع من في بين حتى منذ عند لدى خلال ' +
      'بعد قبل حول ضد دون غير أمام وراء فوق تحت كان كانت يكون تكون كما لكن لكنه ولكن أنه أنها إنه إنها وأن وإن أن ' +
      'قد لقد لم لن ما ماذا متى أين كيف هل إذا إذ ثم أو أم بل كل بعض أي أيضا أيضاً فقط وقال وقالت قال قالت يوم اليوم ' +
      'وفي ومن وعلى وإلى فيه فيها منه منها عليه عليها إليه إليها وهو وهي هو هي هم هن نحن أنت له لها لهم التى الذى',
  ).split(' '),
);

/** Whether a normalised token is a function word. */
export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}

/** Whether a text has words and every one of them is a function word. */
export function onlyStopWords(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.length > 0 && tokens.every(isStopWord);
}

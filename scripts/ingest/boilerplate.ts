import { normalizeArabic, slugify } from '../../src/shared/lib/arabic.ts';
import { READ_ALSO, matchHeading } from './headings.ts';
import { PARTICLES } from './phrases.ts';

/**
 * Feed boilerplate found in real Arabic news bodies, turned into data or dropped:
 * - «اقرأ أيضاً: عنوان» lines and «اقرأ أيضاً:» blocks of headlines (BBC, CNN) → readAlso titles;
 * - «للمزيد: عنوان» / «للمزيد - عنوان» (France24) → readAlso titles;
 * - agency credits alone on a line («فرانس24/ أ ف ب»);
 * - a dashed separator and the short promo lines after it at the end of a body (BBC);
 * - a short «** …» disclaimer or «* نقلا عن …» credit closing a body (opinion pages), an English
 *   picture credit («Photos are copyright.», BBC galleries) or a «اضغط هنا» to a link the feed dropped
 *   (France24's live pages);
 * - inline hashtags (#قطاع_غزة) → plain words in the text, and whole tags.
 */

export interface CleanBody {
  body: string[];
  readAlso: string[];
  hashtags: string[];
}

/** A related headline is a line, not a paragraph. */
const MAX_HEADLINE = 200;
const MAX_BLOCK_HEADLINES = 8;
const MAX_HASHTAG_WORDS = 4;
const MAX_HASHTAG_CHARS = 40;

/** Three rule marks or more; a space between them is a slip of the writer's («------ -----»). */
const SEPARATOR = /^[-–—_=*~•·.](?: ?[-–—_=*~•·.]){2,}$/;
/**
 * What a promo line after a closing rule asks (normalised): to get the app, follow, subscribe, click. A
 * short closing paragraph that asks none of it is the article's own (a «***» section break before it).
 */
const PROMO = /تطبيق|اشعارات|تابعونا|تابعوا|اشترك|اضغط|انقر|تحميل|حمل|قناتنا|صفحتنا|يوتيوب|فيسبوك|تويتر|انستغرام|تلغرام|واتساب|https?:\/\/|www\./i;
/** A closing note of an opinion page (normalised): «** the views are the writer's», «* نقلا عن …». A bullet is not one. */
const CLOSING_NOTE = /^\*\*|^\*\s*نقلا عن /;
/**
 * Body sentences that a «اقرأ أيضاً:» block of headlines never holds (normalised): reported speech and
 * the conjunctions that carry a story on («وأضاف…», «وقال…»). The block ends at one.
 */
const CARRIES_ON = /^و(?:اضاف|اضافت|اشار|اشارت|قال|قالت|اكد|اكدت|دعا|دعت|تابع|تابعت|اوضح|اوضحت|ذكر|ذكرت|لفت|لفتت|نقل|نقلت|كان|كانت|ياتي|تاتي|في|من|علي|بحسب|وفق) /;
const CREDIT = /^(?:فرانس ?24|france ?24)(?: ?\/ ?[^/]{0,20})?$/;
/** A picture credit in English closing a body («Photos are copyright.», «© Getty Images»): no Arabic in it. */
const ENGLISH_CREDIT =
  /^(?:(?:all )?(?:photos?|pictures?|images?)(?: are)? (?:copyright|©)|copyright\b|©)[^\u0600-\u06FF]*$/i;
/** «اضغط هنا» (normalised): a link the feed dropped, when it closes a body («لمتابعة المباراة…، اضغط هنا»). */
const CLICK_HERE = /(?:اضغط|انقر) هنا/;
const MAX_CLOSING_LINE = 120;
// Not after «/» (a link's fragment, «…/page/#section») nor «&» (an entity).
const HASHTAG = /(^|[^\p{L}\p{M}\p{N}_&/])#([\p{L}\p{M}\p{N}_]+)/gu;
const LETTER = /\p{L}/u;
/** The word right after a hashtag, past one space. */
const NEXT_WORD = /^ ([\p{L}\p{M}]+)/u;

function looksLikeHeadline(text: string): boolean {
  return text.length > 0 && text.length <= MAX_HEADLINE && !/[.:؛]$/.test(text);
}

function relatedHeadline(paragraph: string): { inline: string | null; block: boolean } | null {
  if (paragraph.length > MAX_HEADLINE + 20) return null;
  const readAlso = matchHeading(paragraph, READ_ALSO);
  if (readAlso) {
    if (readAlso.rest === '') return { inline: null, block: true };
    return looksLikeHeadline(readAlso.rest) ? { inline: readAlso.rest, block: false } : null;
  }
  const more = matchHeading(paragraph, 'للمزيد');
  // «للمزيد سألنا…» is a sentence; only «للمزيد:» / «للمزيد -» introduces a headline.
  if (more && (more.colon || more.dash) && looksLikeHeadline(more.rest)) return { inline: more.rest, block: false };
  return null;
}

/**
 * The tag a hashtag stands for. One that ends on a word no name ends on was broken by a space the writer
 * typed («#الملك_سلمان_بن_عبد العزيز», «#أبو ظبي»): the word after it completes it, and with none there is
 * no tag, only a fragment.
 */
function hashtagPhrase(words: readonly string[], after: string): string | null {
  if (words.length === 0 || words.length > MAX_HASHTAG_WORDS) return null;
  let phrase = words.join(' ');
  if (PARTICLES.has(slugify(words[words.length - 1]!))) {
    const next = NEXT_WORD.exec(after)?.[1];
    if (!next) return null;
    phrase += ` ${next}`;
  }
  return phrase.length <= MAX_HASHTAG_CHARS ? phrase : null;
}

function unhashtag(paragraph: string, found: string[]): string {
  if (!paragraph.includes('#')) return paragraph;
  return paragraph.replace(HASHTAG, (whole: string, before: string, tag: string, offset: number) => {
    // «#1», «# 5»: a number, not a tag.
    if (!LETTER.test(tag)) return whole;
    const words = tag.split('_').filter((w) => w !== '');
    const phrase = hashtagPhrase(words, paragraph.slice(offset + whole.length));
    if (phrase) found.push(phrase);
    return before + words.join(' ');
  });
}

/** A closing line about what the feed left out: its pictures (their credit) or a link. */
function pointsToWhatIsGone(paragraph: string): boolean {
  return ENGLISH_CREDIT.test(paragraph) || CLICK_HERE.test(normalizeArabic(paragraph));
}

/** Splits a body's paragraphs into the article text, its related headlines and its hashtags. */
export function stripBoilerplate(paragraphs: readonly string[]): CleanBody {
  const body: string[] = [];
  const readAlso: string[] = [];
  const hashtags: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    const remaining = paragraphs.length - i - 1;
    if (SEPARATOR.test(paragraph)) {
      // BBC closes with a rule and one or two promo lines; a rule mid-article only goes itself.
      if (remaining <= 2 && paragraphs.slice(i + 1).every((p) => p.length <= 300 && PROMO.test(normalizeArabic(p)))) break;
      continue;
    }
    const related = relatedHeadline(paragraph);
    if (related?.inline) {
      readAlso.push(related.inline);
      continue;
    }
    if (related?.block) {
      let taken = 0;
      while (
        taken < MAX_BLOCK_HEADLINES &&
        i + 1 < paragraphs.length &&
        looksLikeHeadline(paragraphs[i + 1]!) &&
        !CARRIES_ON.test(normalizeArabic(paragraphs[i + 1]!))
      ) {
        readAlso.push(unhashtag(paragraphs[i + 1]!, []));
        i++;
        taken++;
      }
      continue;
    }
    if (paragraph.length <= 40 && CREDIT.test(normalizeArabic(paragraph))) continue;
    if (remaining <= 1 && paragraph.length <= 200 && CLOSING_NOTE.test(normalizeArabic(paragraph))) continue;
    const closingLine = remaining === 0 && body.length > 0 && paragraph.length <= MAX_CLOSING_LINE;
    if (closingLine && pointsToWhatIsGone(paragraph)) continue;
    body.push(unhashtag(paragraph, hashtags));
  }
  return { body, readAlso, hashtags };
}

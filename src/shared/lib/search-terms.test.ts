import { describe, expect, it } from 'vitest';
import {
  bareBehindProclitics,
  buildLexicon,
  corpusKnown,
  countTokens,
  exactFormKey,
  groupKey,
  highlightTerms,
  matchesTerms,
  queryVariants,
  shadowTerms,
  spellingKey,
  type AliasGroup,
} from './search-terms.ts';

const groups: AliasGroup[] = [
  { key: groupKey(0), kind: 'topic', forms: ['كاراباخ', 'كراباخ', 'قره باغ', 'ستيباناكرت', 'karabakh'] },
  { key: groupKey(1), kind: 'tag', forms: ['أذربيجان', 'اذربيجان', 'أذريبجان'] },
  { key: groupKey(2), kind: 'tag', forms: ['أرمينيا', 'ارمينيا'] },
];
const lexicon = buildLexicon(groups);

describe('groupKey', () => {
  it('gives fixed-length keys, so none is a prefix of another', () => {
    const keys = [0, 1, 25, 26, 675, 17575].flatMap((i) => [groupKey(i), spellingKey(i)]);
    expect(new Set(keys.map((k) => k.length))).toEqual(new Set([6]));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('shadowTerms', () => {
  const text = 'زار الوفد باكو ويريفان وأرمينيا، وقال مسئول إن المحادثات في قره باغ مستمرة. يريفان مدينة.';
  const terms = shadowTerms(text, lexicon, corpusKnown(countTokens([text]), lexicon));

  it.each([
    ['the bare name behind a conjunction', 'ارمينيا'],
    ['a word behind و when the corpus uses it alone', 'يريفان'],
    ['the hamza-seat form', 'مسءول'],
    ['the key of a topic named by a two-word alias', groupKey(0)],
    ['the key of a tag group', groupKey(2)],
  ])('holds %s', (_, term) => {
    expect(terms).toContain(term);
  });

  it.each([
    ['one spelling of a topic name', 'خبر عن كراباخ.'],
    ['another spelling of it', 'خبر عن كاراباخ.'],
    ['the spelling inside a longer alias', 'خبر عن ناغورنو كاراباخ.'],
  ])('gives the spelling key for %s', (_, body) => {
    const longer = buildLexicon([{ ...groups[0]!, forms: [...groups[0]!.forms, 'ناغورنو كاراباخ'] }]);
    expect(shadowTerms(body, longer, () => false)).toContain(spellingKey(0));
  });

  it('gives a key of its own to a hamza form with a pronoun, the same for every seat', () => {
    const key = exactFormKey('لقاءهما');
    expect(key).toMatch(/^qh[a-z]{7}$/);
    expect(shadowTerms('بعد لقاؤهما في القصر', lexicon, () => false)).toContain(key);
    expect(shadowTerms('بعد لقائهما في القصر', lexicon, () => false)).toContain(key);
    expect(shadowTerms('بعد لقاء في القصر', lexicon, () => false).some((t) => t.startsWith('qh'))).toBe(false);
  });

  it('gives no spelling key for a name spelt one way', () => {
    expect(shadowTerms('خبر عن ستيباناكرت.', lexicon, () => false)).not.toContain(spellingKey(0));
  });

  it('leaves out words that are unchanged', () => {
    expect(terms).not.toContain('زار');
  });

  it('does not split a word whose remainder the corpus never uses', () => {
    expect(shadowTerms('وزير', lexicon, corpusKnown(countTokens(['وزير']), lexicon))).toEqual([]);
  });

  it('is sorted and free of repeats', () => {
    expect(terms).toEqual([...new Set(terms)].sort());
  });
});

describe('queryVariants', () => {
  const terms = (raw: string) => queryVariants(raw, lexicon).map((v) => (v.loose ? `~${v.term}` : v.term));
  it.each([
    ['words as typed, then their normalised form', 'مُسْؤُول', ['مُسْؤُول', 'مسءول']],
    ['a clitic stripped from a known name', 'وأرمينيا', ['وأرمينيا', 'ارمينيا', groupKey(2)]],
    ['a topic name: its spelling key, then (loose) its topic key', 'كراباخ', ['كراباخ', spellingKey(0), `~${groupKey(0)}`]],
    ['a topic name spelt one way: the topic key only', 'ستيباناكرت', ['ستيباناكرت', `~${groupKey(0)}`]],
    ['keys in place of the alias, other words kept', 'قصف كراباخ', ['قصف كراباخ', `قصف ${spellingKey(0)}`, `~قصف ${groupKey(0)}`]],
    ['digits folded to ASCII', '٢٠٢٣', ['٢٠٢٣', '2023']],
    ['a tag alias replaced by its group key', 'اذربيجان', ['اذربيجان', groupKey(1)]],
    ['one query when the typed and normalised words are equal', 'موسكو', ['موسكو']],
    ['a hamza form with a pronoun: its exact-form key', 'لقائهما', ['لقائهما', 'لقاءهما', exactFormKey('لقاءهما')]],
  ])('gives %s', (_, raw, expected) => {
    expect(terms(raw)).toEqual(expected);
  });

  describe('with the corpus\'s spellings', () => {
    const written = new Map([
      ['الحكومه', 'الحكومة'],
      ['اوكرانيا', 'أوكرانيا'],
      ['لقايهما', 'لقاؤهما'],
    ]);
    const corpus = { bare: (token: string) => token, written: (token: string) => written.get(token) };
    const withCorpus = (raw: string) => queryVariants(raw, lexicon, corpus).map((v) => v.term);

    it('searches a word as the corpus writes it when Pagefind reads that otherwise', () => {
      expect(withCorpus('قالت الحكومه')).toEqual(['قالت الحكومه', 'قالت الحكومة']);
    });

    it.each([
      ['a hamza on alef, which Pagefind folds', 'اوكرانيا', ['اوكرانيا']],
      ['a hamza on another seat, which the hidden terms join', 'لقائهما', ['لقائهما', 'لقاءهما', exactFormKey('لقاءهما')]],
    ])('adds nothing for %s', (_, raw, expected) => {
      expect(withCorpus(raw)).toEqual(expected);
    });
  });

  it('searches a word glued to proclitics bare, as typed and normalised, where the corpus says so', () => {
    const bares = new Map([
      ['ولبنان', 'لبنان'],
      ['للعراق', 'العراق'],
    ]);
    const corpus = { bare: (token: string) => bares.get(token) ?? token, written: () => undefined };
    expect(queryVariants('ولبنان', lexicon, corpus).map((v) => v.term)).toEqual(['لبنان']);
    expect(queryVariants('لِلعراق وإيران', lexicon, corpus).map((v) => v.term)).toEqual(['العراق وإيران', 'العراق وايران']);
  });

  it.each([[''], ['   '], ['<>!?'], ['...']])('gives nothing for %j', (raw) => {
    expect(queryVariants(raw, lexicon)).toEqual([]);
  });

  it('cuts a huge query', () => {
    const variants = queryVariants('كلمة '.repeat(2000), lexicon);
    expect(variants.every((v) => v.term.split(' ').length <= 12)).toBe(true);
  });
});

describe('bareBehindProclitics', () => {
  // Weights as the vocabulary gives them: a bare form's counts its glued uses too.
  const weights = new Map([
    ['لبنان', 60],
    ['ولبنان', 8],
    ['بلبنان', 5],
    ['العراق', 90],
    ['لقاء', 50],
    ['القاء', 10],
    ['لديه', 40],
    ['بلديه', 10],
    ['البلديه', 12],
    ['لبن', 9],
    ['بن', 40],
    ['قالت', 70],
    ['وقالت', 50],
  ]);
  const weight = (word: string): number => weights.get(word) ?? 0;
  it.each([
    ['و', 'ولبنان', 'لبنان'],
    ['ب', 'بلبنان', 'لبنان'],
    ['ل', 'للبنان', 'لبنان'],
    ['ف', 'فلبنان', 'لبنان'],
    ['ك', 'كلبنان', 'لبنان'],
    ['و and ب, the glued form in between trusted', 'وبلبنان', 'لبنان'],
    ['ف and ل, the glued form in between unknown', 'فللبنان', 'لبنان'],
    ['ل before the article', 'للعراق', 'العراق'],
    ['و and ل before the article', 'وللعراق', 'العراق'],
    ['ب and the article: the article stays', 'بالعراق', 'العراق'],
    ['ل before the article or before a word with ل: the commoner', 'للقاء', 'لقاء'],
  ])('takes off %s: «%s» → «%s»', (_, token, bare) => {
    expect(bareBehindProclitics(token, weight)).toBe(bare);
  });

  it('takes a proclitic off a name of three letters, and only off a name', () => {
    const three = new Map([
      ['مصر', 80],
      ['بمصر', 6],
      ['انت', 60],
      ['وكانت', 20],
    ]);
    const isName = (word: string): boolean => word === 'مصر';
    const weigh = (word: string): number => three.get(word) ?? 0;
    expect(bareBehindProclitics('بمصر', weigh, isName)).toBe('مصر');
    expect(bareBehindProclitics('ولمصر', weigh, isName)).toBe('مصر');
    expect(bareBehindProclitics('بمصر', weigh)).toBe('بمصر');
    expect(bareBehindProclitics('وكانت', weigh, isName)).toBe('وكانت');
  });

  it.each([
    ['a noun of its own, which the corpus writes with the article', 'بلديه'],
    ['a word whose bare form is under four letters', 'لبن'],
    ['a word whose bare form the corpus lacks', 'لبناء'],
    ['a word the corpus writes glued about as often as bare', 'وقالت'],
    ['a name that starts with a proclitic\'s letter', 'لبنان'],
  ])('leaves %s: «%s»', (_, token) => {
    expect(bareBehindProclitics(token, weight)).toBe(token);
  });
});

describe('matchesTerms', () => {
  const terms = highlightTerms('أرمينيا مسئول');
  it.each([
    ['وأرمينيا', true],
    ['أرمينيا،', true],
    ['مسؤول', true],
    ['روسيا', false],
  ])('%s → %s', (word, expected) => {
    expect(matchesTerms(word, terms)).toBe(expected);
  });
});

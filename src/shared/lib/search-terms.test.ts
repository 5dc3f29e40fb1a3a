import { describe, expect, it } from 'vitest';
import {
  buildLexicon,
  corpusKnown,
  countTokens,
  groupKey,
  highlightTerms,
  matchesTerms,
  queryVariants,
  shadowTerms,
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
    const keys = [0, 1, 25, 26, 675, 17575].map(groupKey);
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
  it.each([
    ['words as typed, then their normalised form', 'مُسْؤُول', ['مُسْؤُول', 'مسءول']],
    ['a clitic stripped from a known name', 'وأرمينيا', ['وأرمينيا', 'ارمينيا', `${groupKey(2)}`]],
    ['a spelling variant of a topic name', 'كراباخ', ['كراباخ', 'كاراباخ', groupKey(0)]],
    ['digits folded to ASCII', '٢٠٢٣', ['٢٠٢٣', '2023']],
    ['a tag alias replaced by its group key', 'اذربيجان', ['اذربيجان', groupKey(1)]],
  ])('gives %s', (_, raw, expected) => {
    expect(queryVariants(raw, lexicon)).toEqual(expected);
  });

  it.each([[''], ['   '], ['<>!?'], ['...']])('gives nothing for %j', (raw) => {
    expect(queryVariants(raw, lexicon)).toEqual([]);
  });

  it('cuts a huge query', () => {
    const variants = queryVariants('كلمة '.repeat(2000), lexicon);
    expect(variants.every((v) => v.split(' ').length <= 12)).toBe(true);
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

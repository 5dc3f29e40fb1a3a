import { describe, expect, it } from 'vitest';
import { stripBoilerplate } from './boilerplate.ts';

// Fixture sentences written for these tests.
const P1 = 'أعلنت البلدية افتتاح حديقة عامة جديدة في وسط المدينة يوم الأحد.';
const P2 = 'وقال رئيس البلدية إن الحديقة ستفتح أبوابها للزوار طوال أيام الأسبوع.';

describe('stripBoilerplate', () => {
  it('moves an inline «اقرأ أيضاً:» headline to readAlso', () => {
    expect(stripBoilerplate([P1, 'اقرأ أيضا: افتتاح مكتبة في الحي القديم', P2])).toEqual({
      body: [P1, P2],
      readAlso: ['افتتاح مكتبة في الحي القديم'],
      hashtags: [],
    });
  });

  it('moves a «اقرأ أيضاً:» block of headlines to readAlso and resumes the text after it', () => {
    const result = stripBoilerplate([P1, 'اقرأ أيضاً:', 'عنوان أول عن الحديقة', 'عنوان ثان عن البلدية', P2]);
    expect(result.body).toEqual([P1, P2]);
    expect(result.readAlso).toEqual(['عنوان أول عن الحديقة', 'عنوان ثان عن البلدية']);
  });

  it.each([['للمزيد: مهرجان الربيع يعود إلى الساحة'], ['للمزيد - مهرجان الربيع يعود إلى الساحة']])(
    'moves %j to readAlso',
    (line) => {
      expect(stripBoilerplate([P1, line]).readAlso).toEqual(['مهرجان الربيع يعود إلى الساحة']);
    },
  );

  it('keeps «للمزيد» used in a sentence', () => {
    const sentence = 'للمزيد سألنا الخبير عن رأيه في المشروع';
    expect(stripBoilerplate([P1, sentence]).body).toEqual([P1, sentence]);
  });

  it.each([['فرانس24/ أ ف ب'], ['فرانس 24/أ ف ب'], ['فرانس24']])('drops the credit %j', (credit) => {
    expect(stripBoilerplate([P1, credit]).body).toEqual([P1]);
  });

  it('drops a closing rule and the promo line after it', () => {
    expect(stripBoilerplate([P1, P2, '-------------', 'تابعونا على التطبيق للحصول على الإشعارات']).body).toEqual([
      P1,
      P2,
    ]);
  });

  it('drops a closing rule broken by a space, and the promo line after it', () => {
    const rule = '----------------------- -----------';
    expect(stripBoilerplate([P1, P2, rule, 'تابعونا على التطبيق للحصول على الإشعارات']).body).toEqual([P1, P2]);
  });

  it('drops a rule mid-article but keeps the text around it', () => {
    expect(stripBoilerplate([P1, '-----', P2, P1, P2]).body).toEqual([P1, P2, P1, P2]);
  });

  it('drops a closing «**» disclaimer and «* نقلاً عن» credit', () => {
    expect(stripBoilerplate([P1, '*نقلاً عن صحيفة الأنباء', '** المقالات تعبر عن رأي كتابها.']).body).toEqual([P1]);
  });

  it.each([['Photos are copyright.'], ['© Getty Images'], ['Copyright 2018 Reuters']])(
    'drops the English credit %j closing a body',
    (credit) => {
      expect(stripBoilerplate([P1, P2, credit]).body).toEqual([P1, P2]);
    },
  );

  it('drops a closing «اضغط هنا» line: the link it points to is not in the feed', () => {
    expect(stripBoilerplate([P1, 'لمتابعة المباراة على الحواسيب اللوحية، اضغط هنا...']).body).toEqual([P1]);
    const within = [P1, 'اضغط هنا لمعرفة ما تخزنه الشركة عنك.', P2];
    expect(stripBoilerplate(within).body).toEqual(within);
  });

  it('keeps a sentence about copyright in the text', () => {
    const body = [P1, P2, 'Copyright infringement هي التهمة التي وجهتها الشركة إلى الموقع.'];
    expect(stripBoilerplate(body).body).toEqual(body);
  });

  it('keeps a list of points closing the article', () => {
    const body = [P1, 'أبرز نقاط الاتفاق:', '* وقف إطلاق النار فورا', '* تبادل الأسرى'];
    expect(stripBoilerplate(body).body).toEqual(body);
  });

  it('keeps the closing paragraphs after a section break when they ask nothing of the reader', () => {
    const closing = ['الفقرة الختامية للمقال عن الحديقة.', '— الكاتب أستاذ في جامعة القاهرة'];
    expect(stripBoilerplate([P1, P2, '***', ...closing]).body).toEqual([P1, P2, ...closing]);
  });

  it('ends a block of headlines at a sentence that carries the story on', () => {
    const result = stripBoilerplate([P1, 'اقرأ أيضاً:', 'عنوان أول عن الحديقة', 'وأضاف الرئيس أن الحكومة ستعمل…', 'وقال إن «الأزمة ستنتهي قريبا»']);
    expect(result.readAlso).toEqual(['عنوان أول عن الحديقة']);
    expect(result.body).toEqual([P1, 'وأضاف الرئيس أن الحكومة ستعمل…', 'وقال إن «الأزمة ستنتهي قريبا»']);
  });

  it('turns inline hashtags into words and tags', () => {
    expect(stripBoilerplate(['زار الوفد #مدينة_الزهور ثم #الميناء، مساء الخميس.'])).toEqual({
      body: ['زار الوفد مدينة الزهور ثم الميناء، مساء الخميس.'],
      readAlso: [],
      hashtags: ['مدينة الزهور', 'الميناء'],
    });
  });

  it('completes a hashtag the writer broke after «عبد» or «بن» with the word that follows it', () => {
    const result = stripBoilerplate([
      'أمر #الملك_سلمان_بن_عبد العزيز بذلك، وزار #أبو ظبي وكتب #ولي_العهد_بن.',
    ]);
    expect(result.body).toEqual(['أمر الملك سلمان بن عبد العزيز بذلك، وزار أبو ظبي وكتب ولي العهد بن.']);
    expect(result.hashtags).toEqual(['الملك سلمان بن عبد العزيز', 'أبو ظبي']);
  });

  it('leaves a lone # and C# alone', () => {
    expect(stripBoilerplate(['لغة C# والرقم # 5']).body).toEqual(['لغة C# والرقم # 5']);
  });

  it('leaves a link’s fragment and a number after # alone', () => {
    const text = 'التفاصيل في https://example.org/a/#section وجاء السهم #1 في الترتيب.';
    expect(stripBoilerplate([text])).toEqual({ body: [text], readAlso: [], hashtags: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { READ_ALSO, matchHeading } from './headings.ts';

describe('matchHeading', () => {
  it.each([
    ['اقرأ أيضاً', { rest: '', colon: false, dash: false }],
    ['إقرأ أيضاً:', { rest: '', colon: true, dash: false }],
    ['اقرأ أيضا:', { rest: '', colon: true, dash: false }],
    ['اِقْرَأْ أَيْضًا :', { rest: '', colon: true, dash: false }],
    ['اقرأ أيضاًالوزير يصل إلى العاصمة', { rest: 'الوزير يصل إلى العاصمة', colon: false, dash: false }],
    ['اقرأ أيضا| الوزير يصل', { rest: 'الوزير يصل', colon: true, dash: false }],
    ['اقرأ ايضـــاً: عنوان', { rest: 'عنوان', colon: true, dash: false }],
    ['للمزيد - عنوان', { rest: 'عنوان', colon: false, dash: true }],
  ])('finds the heading in %j', (line, expected) => {
    expect(matchHeading(line, line.startsWith('ل') ? 'للمزيد' : READ_ALSO)).toEqual(expected);
  });

  it.each([['اقرأ الكتاب أيضا'], ['نقرأ أيضا'], ['اقرأ'], ['']])('does not see it in %j', (line) => {
    expect(matchHeading(line, READ_ALSO)).toBeNull();
  });

  it('reads the source and keyword lines', () => {
    expect(matchHeading('المصدر: الأسبوع', 'المصدر')).toMatchObject({ rest: 'الأسبوع', colon: true });
    expect(matchHeading('كلمات دلالية: روسيا موسكو', 'كلمات دلالية')?.rest).toBe('روسيا موسكو');
  });
});

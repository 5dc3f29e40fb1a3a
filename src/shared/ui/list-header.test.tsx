import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ListHeader } from './list-header.tsx';

const item = (date: string | null) => ({ id: 'a', title: 'خبر', date, source: null, excerpt: '', topics: [] });

describe('ListHeader', () => {
  it('counts the articles on the first page', () => {
    render(<ListHeader eyebrow="موضوع" label="كاراباخ" list={{ page: 0, total: 30, items: [] }} />);
    expect(screen.getByRole('heading', { level: 1, name: 'كاراباخ' })).toBeInTheDocument();
    expect(screen.getByText('٣٠ مقالاً')).toBeInTheDocument();
    expect(document.title).toBe('كاراباخ — قارئ الأخبار');
  });

  it('names an older page in the document title, and says the days it covers', () => {
    const items = [item('2024-01-05T10:00:00.000Z'), item('2024-01-03T08:00:00.000Z')];
    render(<ListHeader eyebrow="موضوع" label="كاراباخ" list={{ page: 2, total: null, items }} />);
    expect(document.title).toBe('كاراباخ — الصفحة ٢ — قارئ الأخبار');
    expect(screen.getByText('من ٣ يناير ٢٠٢٤ إلى ٥ يناير ٢٠٢٤')).toBeInTheDocument();
  });

  it('titles a tag apart from the topic of the same name', () => {
    render(<ListHeader eyebrow="وسم" label="إيران" title="وسم «إيران»" list={{ page: 0, total: 3, items: [] }} />);
    expect(document.title).toBe('وسم «إيران» — قارئ الأخبار');
  });
});

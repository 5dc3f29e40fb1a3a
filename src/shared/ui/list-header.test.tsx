import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ListHeader } from './list-header.tsx';

describe('ListHeader', () => {
  it('names the page in the document title after the first', () => {
    render(<ListHeader eyebrow="موضوع" label="كاراباخ" total={30} page={2} />);
    expect(screen.getByRole('heading', { level: 1, name: 'كاراباخ' })).toBeInTheDocument();
    expect(document.title).toBe('كاراباخ — الصفحة ٢ — قارئ الأخبار');
  });

  it('titles a tag apart from the topic of the same name', () => {
    render(<ListHeader eyebrow="وسم" label="إيران" title="وسم «إيران»" total={3} page={0} />);
    expect(document.title).toBe('وسم «إيران» — قارئ الأخبار');
  });
});

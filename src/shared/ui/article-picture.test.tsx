import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { strings } from '../strings.ar.ts';
import { CardThumbnail, LeadPicture } from './article-picture.tsx';

const image = { src: '/images/bridge.jpg', alt: 'الجسر الجديد', caption: 'الجسر عند الافتتاح', credit: 'وكالة الأنباء', width: 1200, height: 675 };

describe('LeadPicture', () => {
  it('shows the picture in a figure with its caption and credit, loaded first and at once', () => {
    render(<LeadPicture image={image} />);
    const img = screen.getByRole('img', { name: 'الجسر الجديد' });
    expect(img).toHaveAttribute('fetchpriority', 'high');
    expect(img).not.toHaveAttribute('loading', 'lazy');
    expect(img).toHaveAttribute('width', '1200');
    expect(img).toHaveAttribute('height', '675');
    const figure = screen.getByRole('figure');
    expect(figure).toHaveTextContent('الجسر عند الافتتاح');
    expect(figure).toHaveTextContent(`${strings.picture.credit}: وكالة الأنباء`);
  });

  it('reserves a 16:9 box when the input gave no size', () => {
    render(<LeadPicture image={{ ...image, width: null, height: null }} />);
    expect(screen.getByRole('img').className).toMatch(/aspect-\[16\/9\]/);
  });

  it('leaves the page when the picture fails to load: no icon, no hole', () => {
    render(<LeadPicture image={image} />);
    fireEvent.error(screen.getByRole('img'));
    expect(screen.queryByRole('figure')).toBeNull();
  });
});

describe('CardThumbnail', () => {
  it.each([
    ['first', 'eager', 'high'],
    ['eager', 'eager', null],
    ['lazy', 'lazy', null],
  ] as const)('loads a %s picture %s, with fetch priority %s', (load, loading, priority) => {
    const { container } = render(<CardThumbnail src="/images/a.jpg" load={load} />);
    const img = container.querySelector('img');
    expect(img).toHaveAttribute('loading', loading);
    expect(img?.getAttribute('fetchpriority')).toBe(priority);
  });

  it('disappears when it fails to load', () => {
    const { container } = render(<CardThumbnail src="/images/missing.jpg" load="lazy" />);
    fireEvent.error(container.querySelector('img')!);
    expect(container.querySelector('img')).toBeNull();
  });
});

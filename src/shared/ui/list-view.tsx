import type { ReactNode } from 'react';
import type { ListPage } from '../../data/schema.ts';
import { ArticleGrid } from './article-grid.tsx';
import { Pagination } from './pagination.tsx';

export interface ListViewProps {
  list: ListPage;
  header: ReactNode;
  hrefFor: (page: number) => string;
}

/** One page of a home, topic or tag list. */
export function ListView({ list, header, hrefFor }: ListViewProps) {
  return (
    <>
      {header}
      <ArticleGrid articles={list.items} />
      <Pagination list={list} hrefFor={hrefFor} />
    </>
  );
}

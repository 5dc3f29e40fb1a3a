import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface ChipLinkProps {
  to: string;
  current?: boolean;
  children: ReactNode;
}

export function ChipLink({ to, current = false, children }: ChipLinkProps) {
  return (
    <Link
      to={to}
      aria-current={current ? 'page' : undefined}
      className={
        'inline-flex min-h-9 items-center gap-1.5 rounded-full border px-3.5 py-1 text-sm whitespace-nowrap transition-colors ' +
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 dark:focus-visible:outline-red-300 ' +
        (current
          ? 'border-red-800 bg-red-800 font-bold text-white dark:border-red-300 dark:bg-red-300 dark:text-neutral-950'
          : 'border-neutral-300 bg-white text-neutral-800 hover:border-red-800 hover:text-red-800 dark:border-neutral-600 dark:bg-neutral-900 dark:text-neutral-100 dark:hover:border-red-300 dark:hover:text-red-300')
      }
    >
      {children}
    </Link>
  );
}

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
      className={current ? 'chip-current' : 'chip'}
    >
      {children}
    </Link>
  );
}

import type { ReactNode } from 'react';
import { AppLink } from './app-link.tsx';

export interface ChipLinkProps {
  to: string;
  current?: boolean;
  children: ReactNode;
}

export function ChipLink({ to, current = false, children }: ChipLinkProps) {
  return (
    <AppLink
      to={to}
      aria-current={current ? 'page' : undefined}
      className={current ? 'chip-current' : 'chip'}
    >
      {children}
    </AppLink>
  );
}

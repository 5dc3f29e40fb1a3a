import { useEffect, useState } from 'react';
import { strings } from '../../shared/strings.ar.ts';
import { canonicalUrl } from './share-links.ts';

export interface PrintUrlProps {
  /** The article's path: what render knows; the whole address is read from the page after hydration. */
  path: string;
}

/** Only on paper: where the printed article lives. */
export function PrintUrl({ path }: PrintUrlProps) {
  const [url, setUrl] = useState(path);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the origin is known only in the browser, after hydration
  useEffect(() => setUrl(canonicalUrl()), []);
  return (
    <p className="mt-8 hidden text-sm print:block">
      {strings.print.url} <span dir="ltr">{url}</span>
    </p>
  );
}

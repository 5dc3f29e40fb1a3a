import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { appBuild, dataBuild } from '../../shared/lib/data-build.ts';
import { deployedBuildQuery, updateFor } from './deployed-build.ts';
import { switchDataBuild } from './switch-data-build.ts';
import { UpdateNotice } from './update-notice.tsx';

export interface FreshNewsProps {
  /** Only list pages (home, topic, tag) look for fresh news. */
  enabled: boolean;
  /** How a new app is loaded; a test passes its own. */
  reload?: () => void;
}

/**
 * Offers what a newer deploy brings to an open list page: its articles, swapped in without a reload, or,
 * when the app itself changed, a reload. Renders nothing but an empty live region until then, on the
 * server and in the first client render alike.
 */
export function FreshNews({ enabled, reload = () => window.location.reload() }: FreshNewsProps) {
  const queryClient = useQueryClient();
  // A page that names no build (the dev server's) has nothing to compare with, so it never asks.
  const { data: deployed } = useQuery({ ...deployedBuildQuery(), enabled: enabled && appBuild() !== null });
  const [busy, setBusy] = useState(false);
  const update = enabled && deployed ? updateFor(deployed, { app: appBuild(), data: dataBuild() }) : 'none';

  const accept = async () => {
    if (update === 'app' || !deployed) return reload();
    setBusy(true);
    const switched = await switchDataBuild(queryClient, deployed.data);
    // A view the new build no longer has (a tag page gone from it): load this URL afresh.
    if (!switched) return reload();
    setBusy(false);
  };

  return <UpdateNotice kind={update === 'none' ? null : update} busy={busy} onAccept={() => void accept()} />;
}

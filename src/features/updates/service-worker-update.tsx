import { applyUpdate, useUpdateWaiting } from '../../shared/lib/app-update.ts';
import { UpdateNotice } from './update-notice.tsx';

/** Offers the new deployment once its service worker waits; nothing until then. */
export function ServiceWorkerUpdate() {
  const waiting = useUpdateWaiting();
  return <UpdateNotice kind={waiting ? 'app' : null} onAccept={() => void applyUpdate()} />;
}

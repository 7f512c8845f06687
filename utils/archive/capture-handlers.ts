/** The service worker's handlers for kept images, snapshots and re-extraction (background.ts spreads them in). */
import { deliverBlob } from '../archive-io/blob-channel';
import { getAsset } from './assets';
import { saveReextracted } from './clip-store';
import type { JianbaoDatabase } from './db';
import type { Handlers } from './message-router';

type CaptureMessage = 'assets/get' | 'clip/reextract';

export function captureHandlers(db: () => Promise<JianbaoDatabase>): Pick<Handlers, CaptureMessage> {
  return {
    'assets/get': async ({ sha256, via }) => {
      const asset = await getAsset(await db(), sha256);
      if (!asset) return null;
      deliverBlob(via, asset.blob);
      return { type: asset.type, bytes: asset.bytes };
    },
    'clip/reextract': async ({ id, article }) => saveReextracted(await db(), id, article),
  };
}

import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { ExhibitRef } from './review';

export interface PageImage {
  bitmap: ImageBitmap;
  widthPt: number;
  heightPt: number;
}

/**
 * A page of the exhibit under review as a bitmap, decoded from the PNG main rendered. Drawn on
 * a canvas: the CSP allows images from the app only (img-src 'self'), and a decoded bitmap is
 * not a URL it has to allow. Cached per exhibit, page and width for as long as the review lasts.
 */
const cache = new Map<string, Promise<PageImage>>();

export function clearPageImages(): void {
  cache.clear();
}

/** Forgets the pictures of one exhibit (closed). */
export function forgetPageImages(exhibitId: string): void {
  for (const key of [...cache.keys()]) if (key.startsWith(`${exhibitId}:`)) cache.delete(key);
}

async function load({ caseId, exhibitId }: ExhibitRef, page: number, width: number): Promise<PageImage> {
  const picture = await api().exhibits.page({ caseId, exhibitId, page, width });
  const bytes = Uint8Array.from(atob(picture.png), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  return { bitmap, widthPt: picture.widthPt, heightPt: picture.heightPt };
}

export function usePageImage(exhibit: ExhibitRef, page: number, width: number): { image: PageImage | null; failed: boolean } {
  const [state, setState] = useState<{ key: string; image: PageImage | null; failed: boolean }>({ key: '', image: null, failed: false });
  const { caseId, exhibitId } = exhibit;
  const key = `${exhibitId}:${page}:${width}`;
  useEffect(() => {
    let current = true;
    let pending = cache.get(key);
    if (!pending) {
      pending = load({ caseId, exhibitId }, page, width);
      cache.set(key, pending);
      pending.catch(() => cache.delete(key));
    }
    pending.then(
      (image) => current && setState({ key, image, failed: false }),
      () => current && setState({ key, image: null, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [caseId, exhibitId, page, width, key]);
  return state.key === key ? { image: state.image, failed: state.failed } : { image: null, failed: false };
}

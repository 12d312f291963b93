import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export interface PageImage {
  bitmap: ImageBitmap;
  widthPt: number;
  heightPt: number;
}

/**
 * A page of the exhibit under review as a bitmap, decoded from the PNG main rendered. Drawn on
 * a canvas: the CSP allows images from the app only (img-src 'self'), and a decoded bitmap is
 * not a URL it has to allow. Cached per page and width for as long as the review lasts.
 */
const cache = new Map<string, Promise<PageImage>>();

export function clearPageImages(): void {
  cache.clear();
}

async function load(caseId: string, page: number, width: number): Promise<PageImage> {
  const picture = await api().exhibits.page({ caseId, page, width });
  const bytes = Uint8Array.from(atob(picture.png), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  return { bitmap, widthPt: picture.widthPt, heightPt: picture.heightPt };
}

export function usePageImage(caseId: string, page: number, width: number): { image: PageImage | null; failed: boolean } {
  const [state, setState] = useState<{ key: string; image: PageImage | null; failed: boolean }>({ key: '', image: null, failed: false });
  const key = `${caseId}:${page}:${width}`;
  useEffect(() => {
    let current = true;
    let pending = cache.get(key);
    if (!pending) {
      pending = load(caseId, page, width);
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
  }, [caseId, page, width, key]);
  return state.key === key ? { image: state.image, failed: state.failed } : { image: null, failed: false };
}

/**
 * Opens an exhibit from disk: the size before anything is read, the format from the
 * extension and then the first bytes (a file named .pdf that is not one is refused as such),
 * and each format's own limits before any page is rendered.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { VaultError } from '../errors';
import { openDocxPages } from './docx-pages';
import { openRasterImage, openTiff } from './image-pages';
import { badExhibit, EXHIBIT_LIMITS } from './limits';
import { openPdfPages } from './pdf-pages';
import type { ExhibitFormat, RenderedPage } from './types';

export const EXHIBIT_EXTENSIONS: Readonly<Record<string, ExhibitFormat>> = {
  '.pdf': 'pdf',
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.tif': 'tiff',
  '.tiff': 'tiff',
  '.docx': 'docx',
};

export interface ExhibitPages {
  format: ExhibitFormat;
  pageCount: number;
  /** Page `n` (1-based) at `dpi`; undefined: 300 dpi for a scan, 200 for a born-digital page. */
  render(n: number, dpi: number | undefined): Promise<RenderedPage>;
  close(): Promise<void>;
  /** SHA-256 of the file as read (hex), for the manifest and the audit log. */
  bytes: Uint8Array;
}

export async function openExhibit(path: string): Promise<ExhibitPages> {
  const format = EXHIBIT_EXTENSIONS[extname(path).toLowerCase()];
  if (!format) {
    throw badExhibit(path, `DoeVault cannot read ${extname(path) || 'files without an extension'} exhibits`, 'Give a .pdf, .png, .jpg, .jpeg, .tif, .tiff or .docx file.');
  }
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new VaultError('NOT_FOUND', `${path} does not exist. Check the path.`);
    throw error;
  });
  if (!info.isFile()) throw badExhibit(path, 'it is not a regular file', 'Give the path of the exhibit file.');
  if (info.size > EXHIBIT_LIMITS.maxBytes) {
    throw badExhibit(path, `the file is ${Math.ceil(info.size / 1024 / 1024)} MB; DoeVault reads exhibits of up to ${EXHIBIT_LIMITS.maxBytes / 1024 / 1024} MB`, 'Split it into smaller files.');
  }
  if (info.size === 0) throw badExhibit(path, 'the file is empty', 'Check that it is the right file.');
  const bytes = new Uint8Array(await readFile(path));
  const pages =
    format === 'pdf'
      ? await openPdfPages(path, bytes)
      : format === 'tiff'
        ? await openTiff(path, bytes)
        : format === 'docx'
          ? await openDocxPages(path, bytes)
          : await openRasterImage(path, bytes, format);
  return { format, pageCount: pages.pageCount, render: pages.render, close: pages.close, bytes };
}

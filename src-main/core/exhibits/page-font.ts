import { shippedResource } from '../files/shipped-resource';
import { loadCanvas } from './canvas';

/** The family name the exhibit pages draw their own text in (DOCX text, labels, stamps). */
export const PAGE_FONT = 'DoeVault Tinos';

let registered = false;

/** Registers the shipped Tinos with the canvas once: nothing depends on the system's fonts. */
export async function registerPageFont(): Promise<string> {
  if (!registered) {
    const { GlobalFonts } = await loadCanvas();
    GlobalFonts.registerFromPath(shippedResource('fonts', 'Tinos_400Regular.ttf'), PAGE_FONT);
    registered = true;
  }
  return PAGE_FONT;
}

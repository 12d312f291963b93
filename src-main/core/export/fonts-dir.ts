import { dirname } from 'node:path';
import { shippedResource } from '../files/shipped-resource';

/** The folder of the fonts shipped in resources/fonts (found by a font it must hold). */
export function defaultFontsDir(): string {
  return dirname(shippedResource('fonts', 'Tinos_400Regular.ttf'));
}

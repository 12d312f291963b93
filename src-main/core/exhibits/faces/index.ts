export { DEFAULT_MIN_CONFIDENCE, detectFaces, MAX_PIXELS, type DetectFacesOptions, type FaceRegion } from './detect-faces';
export { disposeFaceModel } from './face-model';
export type { RgbaImage } from './sample-window';

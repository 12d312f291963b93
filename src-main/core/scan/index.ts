/** The leak scanner: which texts name which identities (DESIGN.md §5). */
export { LeakScanner } from './leak-scanner';
export { identityVariants, phoneKey, type Variant, type VariantChannel } from './variants';
export { isCommonWord } from './common-words';
export type { Confidence, HitTarget, LeakHit, LowReason, MixedScriptHit, ScanIdentity, ScanSource, VariantKind } from './types';

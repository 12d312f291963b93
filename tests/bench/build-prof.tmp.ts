import { LeakScanner } from '../../src-main/core/scan';
import { scanIdentities } from './scanner';
const ids = scanIdentities(10_000);
for (let i = 0; i < 5; i++) { const t = performance.now(); LeakScanner.build(ids); console.log('build', (performance.now() - t).toFixed(0), 'ms'); }

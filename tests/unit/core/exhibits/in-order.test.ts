import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InOrder } from '../../../../src-main/core/exhibits/in-order';

/**
 * Reading lanes finish pages in any order; the public exhibit is written (and its references
 * numbered) in page order. Each lane takes the next page, waits its turn, writes, and says done.
 */
describe('pages written in order by parallel lanes', () => {
  it('writes 1..n in order whatever the lanes and however long each page takes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 30 }), async (lanes, delays) => {
        const order = new InOrder();
        const written: number[] = [];
        let next = 1;
        const lane = async () => {
          while (next <= delays.length) {
            const n = next++;
            // Reading page n takes its own time (some turns of the event loop).
            for (let t = 0; t < delays[n - 1]!; t++) await new Promise<void>((resolve) => setImmediate(resolve));
            await order.turn(n);
            written.push(n);
            order.done(n);
          }
        };
        await Promise.all(Array.from({ length: lanes }, lane));
        expect(written).toEqual(delays.map((_, i) => i + 1));
      }),
    );
  });
});

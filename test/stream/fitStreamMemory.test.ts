import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SGDRegressor, fitStream } from '../../src/index';
import type { StreamBatch } from '../../src/index';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('fitStream memory', () => {
  it('keeps no batch alive once it has been learnt (memory stays flat however long the stream)', async () => {
    const refs: Array<WeakRef<Float64Array>> = [];
    let alive = -1;
    const controller = new AbortController();
    async function* source(): AsyncGenerator<StreamBatch> {
      for (let b = 0; b < 60; b++) {
        // A new macrotask per batch, as a file or network reader gives.
        await new Promise((r) => setTimeout(r, 0));
        if (b === 50) {
          gc();
          alive = refs.slice(0, 40).filter((r) => r.deref() !== undefined).length;
        }
        const data = new Float64Array(2000 * 3).map((_, i) => ((i * 7919) % 101) / 100);
        refs.push(new WeakRef(data));
        yield { X: { data, rows: 2000, cols: 3 }, y: Array.from({ length: 2000 }, (_, i) => data[i * 3] - data[i * 3 + 1]) };
      }
    }
    await fitStream(new SGDRegressor({ randomState: 0 }), source(), { signal: controller.signal });
    expect(refs.length).toBe(60);
    expect(alive).toBe(0);
  });
});

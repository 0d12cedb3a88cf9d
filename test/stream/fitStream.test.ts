import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { ColumnTable, GaussianNB, LinearRegression, MultinomialNB, OneHotEncoder, Pipeline, SGDRegressor, StandardScaler, ValidationError, fitStream, loadIris } from '../../src/index';
import type { StreamBatch, StreamProgress } from '../../src/index';

/** 12 batches of 25 rows of y = 2·x0 − x1 + 0.5 + noise-free, deterministic. */
function makeBatches(n = 12, size = 25): Array<{ X: number[][]; y: number[] }> {
  const out: Array<{ X: number[][]; y: number[] }> = [];
  for (let b = 0; b < n; b++) {
    const X = Array.from({ length: size }, (_, i) => {
      const t = b * size + i;
      return [Math.sin(t), Math.cos(3 * t)];
    });
    out.push({ X, y: X.map(([a, c]) => 2 * a - c + 0.5) });
  }
  return out;
}
const sgd = () => new SGDRegressor({ shuffle: false, randomState: 0 });

function byHand(batches: Array<{ X: number[][]; y: number[] }>, epochs = 1): SGDRegressor {
  const est = sgd();
  for (let e = 0; e < epochs; e++) for (const b of batches) est.partialFit(b.X, b.y);
  return est;
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('fitStream', () => {
  it('over an array equals calling partialFit by hand; resolves to the estimator', async () => {
    const batches = makeBatches();
    const est = sgd();
    const out = await fitStream(est, batches);
    expect(out).toBe(est);
    expect(est.coef_).toEqual(byHand(batches).coef_);
  });

  it('runs epochs over a function returning a fresh generator, reporting progress after each batch', async () => {
    const batches = makeBatches();
    const seen: StreamProgress[] = [];
    function* gen() {
      yield* batches;
    }
    const est = await fitStream(sgd(), gen, { epochs: 3, onProgress: (p) => seen.push(p) });
    expect(est.coef_).toEqual(byHand(batches, 3).coef_);
    expect(seen.length).toBe(36);
    expect(seen.map((p) => p.epoch)).toEqual([...Array(12).fill(1), ...Array(12).fill(2), ...Array(12).fill(3)]);
    expect(seen[35]).toMatchObject({ rows: 900, batches: 36, epochs: 3 });
    for (let i = 1; i < seen.length; i++) expect(seen[i].elapsedMs).toBeGreaterThanOrEqual(seen[i - 1].elapsedMs);
    for (const p of seen) expect(p.rowsPerSecond).toBe(p.elapsedMs > 0 ? (p.rows * 1000) / p.elapsedMs : 0);
  });

  it('takes an async iterable, Matrix and flat rows batches alike', async () => {
    const batches = makeBatches(6);
    async function* source(): AsyncGenerator<StreamBatch> {
      for (const [i, b] of batches.entries()) {
        await new Promise((r) => setTimeout(r, 1));
        const flat = Float64Array.from(b.X.flat());
        if (i % 3 === 0) yield { X: b.X, y: b.y };
        else if (i % 3 === 1) yield { X: new Matrix(b.X), y: b.y };
        else yield { X: { data: flat, rows: b.X.length, cols: 2 }, y: b.y };
      }
    }
    const est = await fitStream(sgd(), source());
    expect(est.coef_).toEqual(byHand(batches).coef_);
  });

  it('passes classes to a classifier and sample weights per batch', async () => {
    const { data, target } = loadIris();
    const order = data.map((_, i) => i).sort((a, b) => ((a * 37) % 150) - ((b * 37) % 150));
    const batches = [0, 50, 100].map((lo) => {
      const idx = order.slice(lo, lo + 50);
      return { X: idx.map((i) => data[i]), y: idx.map((i) => target[i]), sampleWeight: idx.map((i) => 1 + (i % 2)) };
    });
    const nb = await fitStream(new GaussianNB(), batches, { classes: [0, 1, 2] });
    const ref = new GaussianNB();
    for (const b of batches) ref.partialFit(b.X, b.y, { classes: [0, 1, 2], sampleWeight: b.sampleWeight });
    expect(nb.theta_).toEqual(ref.theta_);
    expect(nb.classCount_).toEqual([75, 75, 75]);
  });

  it('trains a Pipeline', async () => {
    const batches = makeBatches();
    const pipe = await fitStream(new Pipeline([['scale', new StandardScaler()], ['sgd', sgd()]]), batches, { epochs: 2 });
    expect((pipe.namedSteps.scale as StandardScaler).nSamplesSeen_).toBe(600);
  });

  it('a batch with another column count is a ValidationError naming its index; earlier batches stay learnt', async () => {
    const batches: StreamBatch[] = makeBatches(4);
    batches.splice(2, 0, { X: [[1, 2, 3]], y: [1] });
    const est = sgd();
    const err = await rejection(fitStream(est, batches));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).param).toBe('batches[2]');
    expect(err.message).toMatch(/batches\[2\]/);
    expect(est.coef_).toEqual(byHand(makeBatches(2)).coef_);
  });

  it('records batches: a different set of keys is a ValidationError naming the batch', async () => {
    const pipe = new Pipeline([
      ['onehot', new OneHotEncoder({ categories: [['a', 'b'], ['x', 'y']] })],
      ['nb', new MultinomialNB()],
    ]);
    const batches: StreamBatch[] = [
      { X: [{ f: 'a', g: 'x' }, { f: 'b', g: 'y' }], y: [0, 1] },
      { X: [{ f: 'b', g: 'x' }], y: [1] },
      { X: [{ f: 'a', h: 'x' }], y: [0] },
    ];
    const err = await rejection(fitStream(pipe, batches, { classes: [0, 1] }));
    expect((err as ValidationError).param).toBe('batches[2]');
    expect(err.message).toMatch(/the columns f, g/);
    expect((pipe.namedSteps.nb as MultinomialNB).classCount_).toEqual([1, 2]);
  });

  it('ColumnTable batches (the readers\' as: \'columns\') are learnt as records; a different set of columns names the batch', async () => {
    const make = () =>
      new Pipeline([
        ['onehot', new OneHotEncoder({ categories: [['a', 'b'], ['x', 'y']] })],
        ['nb', new MultinomialNB()],
      ]);
    const fromTables = make();
    await fitStream(fromTables, [{ X: new ColumnTable(['f', 'g'], [['a', 'b'], ['x', 'y']], 2), y: [0, 1] }, { X: new ColumnTable(['f', 'g'], [['b'], ['x']], 1), y: [1] }], { classes: [0, 1] });
    const fromRecords = make();
    await fitStream(fromRecords, [{ X: [{ f: 'a', g: 'x' }, { f: 'b', g: 'y' }], y: [0, 1] }, { X: [{ f: 'b', g: 'x' }], y: [1] }], { classes: [0, 1] });
    expect((fromTables.namedSteps.nb as MultinomialNB).featureCount_).toEqual((fromRecords.namedSteps.nb as MultinomialNB).featureCount_);
    const err = await rejection(fitStream(make(), [{ X: new ColumnTable(['f', 'g'], [['a'], ['x']], 1), y: [0] }, { X: new ColumnTable(['f', 'h'], [['a'], ['x']], 1), y: [0] }], { classes: [0, 1] }));
    expect((err as ValidationError).param).toBe('batches[1]');
  });

  it('flat rows whose data does not hold rows × cols numbers are refused, naming the batch', async () => {
    const err = await rejection(fitStream(sgd(), [{ X: { data: new Float64Array(5), rows: 2, cols: 2 }, y: [1, 2] }]));
    expect((err as ValidationError).param).toBe('batches[0].X');
  });

  it('refuses a one-shot iterator for several epochs, an estimator without partialFit, and bad batches', async () => {
    const batches = makeBatches(2);
    const once = batches[Symbol.iterator]();
    expect((await rejection(fitStream(sgd(), once, { epochs: 2 }))).message).toMatch(/fresh iterable per epoch/);
    expect((await rejection(fitStream(new LinearRegression(), batches))).message).toMatch(/LinearRegression, which has no partialFit/);
    expect((await rejection(fitStream(sgd(), [{ y: [1] }] as unknown as StreamBatch[]))).message).toMatch(/batches\[0\]/);
    expect(await rejection(fitStream(sgd(), batches, { epochs: 0 }))).toBeInstanceOf(ValidationError);
  });

  it('an abort rejects with an AbortError and keeps the state of the last complete batch', async () => {
    const batches = makeBatches();
    const controller = new AbortController();
    const est = sgd();
    const err = await rejection(
      fitStream(est, batches, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.batches === 5) controller.abort();
        },
      }),
    );
    expect(err.name).toBe('AbortError');
    expect(est.coef_).toEqual(byHand(batches.slice(0, 5)).coef_);
  });

  it('an abort while waiting for a stalled source rejects at once and closes the source', async () => {
    const controller = new AbortController();
    let closed = false;
    const stalled: AsyncIterable<StreamBatch> = {
      [Symbol.asyncIterator]() {
        let first = true;
        return {
          next: () => {
            if (first) {
              first = false;
              return Promise.resolve({ done: false, value: { X: [[1, 2]], y: [1] } });
            }
            return new Promise<IteratorResult<StreamBatch>>(() => undefined);
          },
          return: () => {
            closed = true;
            return Promise.resolve({ done: true, value: undefined });
          },
        };
      },
    };
    const est = sgd();
    const p = fitStream(est, stalled, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const err = await rejection(p);
    expect(err.name).toBe('AbortError');
    expect(closed).toBe(true);
    expect(est.isFitted()).toBe(true);
  });

  it('an already aborted signal rejects before any batch', async () => {
    const controller = new AbortController();
    controller.abort();
    const est = sgd();
    expect((await rejection(fitStream(est, makeBatches(), { signal: controller.signal }))).name).toBe('AbortError');
    expect(est.isFitted()).toBe(false);
  });
});

/** The fixture data of test/fixtures/svm/make_svm.py: every 4th row is a test row; scaled sets are standardised on the training rows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBreastCancer, loadDiabetes, loadDigits, loadIris, loadWine, StandardScaler } from '../../src/index';

export const fx = JSON.parse(readFileSync(join(__dirname, '../fixtures/svm/svm.json'), 'utf8')) as Record<string, Record<string, unknown>>;

const loaders = { breast_cancer: loadBreastCancer, iris: loadIris, wine: loadWine, digits: loadDigits, diabetes: loadDiabetes };

export interface Split {
  XTrain: number[][];
  yTrain: number[];
  XTest: number[][];
  yTest: number[];
}

export function split(name: keyof typeof loaders, scale: boolean): Split {
  const { data, target } = loaders[name]();
  const out: Split = { XTrain: [], yTrain: [], XTest: [], yTest: [] };
  data.forEach((row, i) => {
    if (i % 4 === 0) {
      out.XTest.push(row.slice());
      out.yTest.push(Number(target[i]));
    } else {
      out.XTrain.push(row.slice());
      out.yTrain.push(Number(target[i]));
    }
  });
  if (scale) {
    const s = new StandardScaler().fit(out.XTrain);
    out.XTrain = s.transform(out.XTrain).to2DArray();
    out.XTest = s.transform(out.XTest).to2DArray();
  }
  return out;
}

/** Largest absolute difference of two equally shaped arrays (1-d or 2-d). */
export function maxAbsDiff(a: ArrayLike<number> | ArrayLike<number>[] | number[][], b: unknown): number {
  const fa = (Array.from(a as ArrayLike<unknown>) as unknown[]).flat() as number[];
  const fb = (Array.from(b as ArrayLike<unknown>) as unknown[]).flat() as number[];
  if (fa.length !== fb.length) return Infinity;
  let m = 0;
  for (let i = 0; i < fa.length; i++) m = Math.max(m, Math.abs(fa[i] - fb[i]));
  return m;
}

export function agreement(a: ArrayLike<unknown>, b: ArrayLike<unknown>): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

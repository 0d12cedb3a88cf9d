/**
 * Test-local transformers for the composition tests: a small categorical encoder with the
 * acceptsRecords tag (most-frequent imputation of missing cells, then one-hot over the sorted
 * categories, unknown categories encoded as zeros: what scikit-learn's
 * SimpleImputer(most_frequent) + OneHotEncoder(handle_unknown='ignore') compute), a transformer that
 * records what it was given, and a selector that keeps the first k features. Plus the data files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Matrix } from 'ml-matrix';
import { BaseTransformer, bool, int, isMissing, registerEstimator, toColumns } from '../../src/index';
import type { MatrixLike, RecordRows, Records, TableLike } from '../../src/index';

const DATA = join(__dirname, '..', '..', 'node_modules', 'vega-datasets', 'data');

/** Rows of a vega-datasets JSON file. */
export function vega(name: string): RecordRows {
  return JSON.parse(readFileSync(join(DATA, name), 'utf8')) as RecordRows;
}

interface LocalOneHotState {
  nFeaturesIn: number;
  names: string[] | null;
  categories: string[][];
  fill: string[];
}

/** Most-frequent imputation (when `impute`) and one-hot encoding of string columns. */
export class LocalOneHot extends BaseTransformer<{ impute: boolean }, LocalOneHotState> {
  static override readonly className = 'TestLocalOneHot';
  static override readonly defaults = { impute: true };
  static override readonly paramSchema = { impute: bool() };
  static override readonly tags = { acceptsRecords: true, allowNaN: true, removesNaN: true };

  fit(X: MatrixLike | Records): this {
    const t = toColumns(X as TableLike, { estimator: this.className });
    const categories: string[][] = [];
    const fill: string[] = [];
    for (const col of t.columns) {
      const counts = new Map<string, number>();
      for (const v of col) if (!isMissing(v)) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
      const sorted = [...counts.keys()].sort();
      let best = sorted[0];
      for (const k of sorted) if ((counts.get(k) ?? 0) > (counts.get(best) ?? 0)) best = k;
      categories.push(sorted);
      fill.push(best);
    }
    this.state = { nFeaturesIn: t.columns.length, names: t.names ?? null, categories, fill };
    return this;
  }

  transform(X: MatrixLike | Records): Matrix {
    const s = this.fitted('transform');
    const t = toColumns(X as TableLike, { estimator: this.className, columns: s.names ?? undefined });
    const width = s.categories.reduce((a, c) => a + c.length, 0);
    const out = new Matrix(t.rows, width);
    let off = 0;
    t.columns.forEach((col, j) => {
      const cats = s.categories[j];
      col.forEach((v, i) => {
        const value = isMissing(v) ? (this.params.impute ? s.fill[j] : undefined) : String(v);
        const k = value === undefined ? -1 : cats.indexOf(value);
        if (k >= 0) out.set(i, off + k, 1);
      });
      off += cats.length;
    });
    return out;
  }

  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const s = this.fitted('getFeatureNamesOut');
    const names = inputFeatures ?? s.names ?? s.categories.map((_, j) => `x${j}`);
    return s.categories.flatMap((cats, j) => cats.map((c) => `${names[j]}_${c}`));
  }
}
registerEstimator(LocalOneHot);

/** Passes numbers through and remembers what fit and transform were given. */
export class Spy extends BaseTransformer<{ tabular: boolean }, { nFeaturesIn: number }> {
  static override readonly className = 'TestSpy';
  static override readonly defaults = { tabular: false };
  static override readonly paramSchema = { tabular: bool() };
  static override readonly tags = { allowNaN: true };
  seen: unknown[] = [];

  instanceTags() {
    return { acceptsRecords: this.params.tabular };
  }

  fit(X: MatrixLike | Records): this {
    this.seen.push(X);
    this.state = { nFeaturesIn: 1 };
    return this;
  }

  transform(X: MatrixLike | Records): Matrix {
    this.seen.push(X);
    const t = toColumns(X as TableLike);
    return new Matrix(t.rows, 1).fill(t.columns.length);
  }

  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    return [`spy(${(inputFeatures ?? []).join(',')})`];
  }
}
registerEstimator(Spy);

/** Keeps the first k features (a stand-in for a feature selector at the end of a pipeline). */
export class KeepFirst extends BaseTransformer<{ k: number }, { nFeaturesIn: number }> {
  static override readonly className = 'TestKeepFirst';
  static override readonly defaults = { k: 1 };
  static override readonly paramSchema = { k: int({ min: 1 }) };

  fit(X: MatrixLike): this {
    this.state = { nFeaturesIn: this.checkX(X, { reset: true }).cols };
    return this;
  }

  transform(X: MatrixLike): Matrix {
    const d = this.checkX(X);
    const k = this.params.k;
    const out = new Matrix(d.rows, k);
    for (let i = 0; i < d.rows; i++) for (let j = 0; j < k; j++) out.set(i, j, d.data[i * d.cols + j]);
    return out;
  }

  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const n = this.fitted('getFeatureNamesOut').nFeaturesIn;
    return (inputFeatures ?? Array.from({ length: n }, (_, j) => `x${j}`)).slice(0, this.params.k);
  }
}
registerEstimator(KeepFirst);

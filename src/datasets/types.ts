/** A shipped classification data set, as the `load…` functions return it. */
export interface ClassificationDataset {
  /** The samples, one row per sample. A fresh array on every call: changing it changes nothing else. */
  data: number[][];
  /** The class of each sample, an index into `targetNames`. */
  target: number[];
  /** The name of each column of `data`, spelled as in scikit-learn. */
  featureNames: string[];
  /** The name of each class. */
  targetNames: string[];
}

/** A shipped regression data set, as {@link loadDiabetes} returns it. */
export interface RegressionDataset {
  /** The samples, one row per sample. A fresh array on every call. */
  data: number[][];
  /** The value to predict for each sample. */
  target: number[];
  /** The name of each column of `data`, spelled as in scikit-learn. */
  featureNames: string[];
}

/**
 * Data sets: the classic toy data sets, shipped inside the package (the same values as
 * scikit-learn's), and generators of synthetic problems.
 */
export { loadIris } from './loadIris';
export { loadWine } from './loadWine';
export { loadBreastCancer } from './loadBreastCancer';
export { loadDiabetes } from './loadDiabetes';
export type { LoadDiabetesOptions } from './loadDiabetes';
export { loadDigits } from './loadDigits';
export type { LoadDigitsOptions } from './loadDigits';
export type { ClassificationDataset, RegressionDataset } from './types';
export { makeClassification } from './makeClassification';
export type { MakeClassificationOptions, ClassificationData } from './makeClassification';
export { makeRegression } from './makeRegression';
export type { MakeRegressionOptions, RegressionData } from './makeRegression';
export { makeBlobs } from './makeBlobs';
export type { MakeBlobsOptions, BlobsData } from './makeBlobs';

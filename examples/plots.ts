/**
 * Plots: fits models on the shipped data sets and writes SVG pictures of their evaluation with
 * `typelearn/plot` (a confusion matrix, a ROC curve, learning and validation curves, the largest
 * coefficients, residuals and a decision tree), plus one Vega-Lite spec as JSON.
 *
 * Run: npx tsx examples/plots.ts [output folder]   (default: a new folder in the system temp dir)
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DecisionTreeClassifier,
  LogisticRegression,
  Pipeline,
  Ridge,
  StandardScaler,
  confusionMatrix,
  learningCurve,
  loadBreastCancer,
  loadDiabetes,
  loadIris,
  rocCurve,
  trainTestSplit,
  validationCurve,
} from 'typelearn';
import {
  confusionMatrixSvg,
  featureImportancesSvg,
  learningCurveSvg,
  learningCurveVegaLite,
  residualsSvg,
  rocCurveSvg,
  treeSvg,
  validationCurveSvg,
} from 'typelearn/plot';

const out = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'typelearn-plots-'));
mkdirSync(out, { recursive: true });
const write = (name: string, text: string): void => {
  writeFileSync(join(out, name), text);
  console.log(`wrote ${join(out, name)} (${text.length} bytes)`);
};

// Classification: breast cancer, scaled logistic regression.
const cancer = loadBreastCancer();
const { XTrain, XTest, yTrain, yTest } = trainTestSplit(cancer.data, cancer.target, { testSize: 0.3, stratify: cancer.target, randomState: 0 });
const scaler = new StandardScaler().fit(XTrain);
const clf = new LogisticRegression({ C: 1 }).fit(scaler.transform(XTrain), yTrain);
const labels = cancer.targetNames!;
const predicted = clf.predict(scaler.transform(XTest)) as number[];
const cm = confusionMatrix(yTest, predicted, { labels: [0, 1] });
console.log('confusion matrix', cm);
write('confusion-matrix.svg', confusionMatrixSvg(cm, { labels, title: 'Breast cancer: logistic regression' }));

const scores = clf.decisionFunction(scaler.transform(XTest)) as number[];
write('roc.svg', rocCurveSvg({ ...rocCurve(yTest, scores), name: 'logistic regression' }, { title: 'ROC curve (test set)' }));

const coef = clf.coef_[0];
write('coefficients.svg', featureImportancesSvg(coef, { featureNames: cancer.featureNames, topK: 10, xLabel: 'coefficient (scaled features)', title: 'Largest coefficients' }));

const pipe = new Pipeline({ steps: [['scale', new StandardScaler()], ['clf', new LogisticRegression({ maxIter: 1000 })]] });
const lc = learningCurve(pipe, cancer.data, cancer.target, { cv: 5, scoring: 'accuracy' });
console.log('learning curve sizes', lc.trainSizes);
write('learning-curve.svg', learningCurveSvg(lc, { title: 'Learning curve', yLabel: 'accuracy' }));
write('learning-curve.vl.json', JSON.stringify(learningCurveVegaLite(lc), null, 2));

const paramRange = [0.001, 0.01, 0.1, 1, 10, 100];
const vc = validationCurve(pipe, cancer.data, cancer.target, { paramName: 'clf__C', paramRange, cv: 5, scoring: 'accuracy' });
write('validation-curve.svg', validationCurveSvg(vc, { paramRange, paramName: 'C', yLabel: 'accuracy', title: 'Validation curve' }));

// Regression: diabetes, ridge; residuals on held-out rows.
const diabetes = loadDiabetes();
const d = trainTestSplit(diabetes.data, diabetes.target, { testSize: 0.3, randomState: 0 });
const ridge = new Ridge({ alpha: 0.1 }).fit(d.XTrain, d.yTrain);
write('residuals.svg', residualsSvg(d.yTest as number[], ridge.predict(d.XTest) as number[], { title: 'Diabetes: ridge residuals' }));

// A small decision tree on iris.
const iris = loadIris();
const tree = new DecisionTreeClassifier({ maxDepth: 3, randomState: 0 }).fit(iris.data, iris.target.map((t) => iris.targetNames![t]));
write('tree.svg', treeSvg(tree, { featureNames: iris.featureNames, title: 'Iris decision tree (depth 3)' }));

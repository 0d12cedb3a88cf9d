/**
 * Support vector machines: classify handwritten digits with an rbf SVC (scaled in a Pipeline),
 * read calibrated probabilities, flag unusual rows with a OneClassSVM, and save / load the model.
 * Imports the SVMs from their sub-path, `typelearn/svm`.
 *
 * Run: npx tsx examples/svm.ts (after npm run build)
 */
import { Pipeline, StandardScaler, accuracyScore, loadDigits, loadModel, trainTestSplit } from 'typelearn';
import { OneClassSVM, SVC } from 'typelearn/svm';

const { data, target } = loadDigits();
const { XTrain, XTest, yTrain, yTest } = trainTestSplit(data, target, { testSize: 0.25, stratify: target, randomState: 0 });

const model = new Pipeline([
  ['scale', new StandardScaler()],
  ['svc', new SVC({ kernel: 'rbf', C: 10, probability: true, randomState: 0 })],
]).fit(XTrain, yTrain);
const accuracy = accuracyScore(yTest, model.predict(XTest));
console.log(`digits, rbf SVC: test accuracy ${accuracy.toFixed(3)}`);
if (accuracy < 0.95) throw new Error(`unexpectedly low accuracy ${accuracy}`);

const svc = model.namedSteps.svc; // typed: the SVC step
console.log(`support vectors per class: ${svc.nSupport_.join(', ')}`);
const P = model.predictProba(XTest.slice(0, 3)).to2DArray();
P.forEach((row, i) => {
  const best = row.indexOf(Math.max(...row));
  console.log(`row ${i}: true ${yTest[i]}, most probable ${best} (p = ${row[best].toFixed(3)})`);
});

// Rows far from the training data: a OneClassSVM fitted on the scaled training rows flags them.
const scaler = new StandardScaler().fit(XTrain);
const detector = new OneClassSVM({ nu: 0.05 }).fit(scaler.transform(XTrain));
const noisy = XTest.slice(0, 5).map((row) => row.map((v, j) => (j % 2 === 0 ? 16 - v : v)));
const flags = detector.predict(scaler.transform(noisy));
console.log(`one-class SVM on 5 corrupted test rows: ${flags.filter((f) => f === -1).length} flagged as outliers`);

const again = loadModel(JSON.stringify(model), { expect: Pipeline });
const before = model.predict(XTest);
const same = again.predict(XTest).every((v, i) => v === before[i]);
console.log(`saved and loaded: same predictions ${same}`);
if (!same) throw new Error('loaded model predicts differently');

/**
 * Messy records to a model: classify Palmer penguins' species from the raw records of
 * vega-datasets' penguins.json (344 rows as objects, measurements with nulls, island and sex as
 * strings, one stray '.' for a sex). A ColumnTransformer imputes and scales the measurements and
 * imputes and one-hot encodes the categories; a LogisticRegression classifies. Prints the accuracy,
 * a classification report and which input column feeds each of the model's coefficients.
 *
 * Run: npx tsx examples/penguins.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ColumnTransformer,
  LogisticRegression,
  OneHotEncoder,
  Pipeline,
  SimpleImputer,
  StandardScaler,
  accuracyScore,
  classificationReport,
  loadModel,
  trainTestSplit,
} from 'typelearn';
import type { RecordRows } from 'typelearn';

const file = join(process.cwd(), 'node_modules', 'vega-datasets', 'data', 'penguins.json');
const records = JSON.parse(readFileSync(file, 'utf8')) as RecordRows;
const X = records.map(({ Species: _species, ...features }) => features);
const y = records.map((r) => String(r.Species));
const gaps = X.reduce((n, r) => n + Object.values(r).filter((v) => v === null).length, 0);
console.log(`penguins: ${X.length} records, keys ${Object.keys(X[0]).join(', ')}; ${gaps} missing cells`);

const { XTrain, XTest, yTrain, yTest } = trainTestSplit(X, y, { testSize: 0.25, stratify: y, randomState: 0 });

const measurements = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];
const categories = ['Island', 'Sex'];
const preprocess = new ColumnTransformer([
  [
    'num',
    new Pipeline([
      ['impute', new SimpleImputer({ strategy: 'median' })],
      ['scale', new StandardScaler()],
    ]),
    measurements,
  ],
  [
    'cat',
    new Pipeline([
      ['impute', new SimpleImputer({ strategy: 'most_frequent' })],
      ['onehot', new OneHotEncoder({ handleUnknown: 'ignore' })],
    ]),
    categories,
  ],
]);
const model = new Pipeline([
  ['pre', preprocess],
  ['clf', new LogisticRegression()],
]).fit(XTrain, yTrain);

const pred = model.predict(XTest);
console.log(`test accuracy: ${accuracyScore(yTest, pred).toFixed(3)}`);
console.log(classificationReport(yTest, pred));

// Which input column feeds each column the model sees, and the largest coefficient of each.
const names = model.namedSteps.pre.getFeatureNamesOut(); // namedSteps are typed by the steps
const clf = model.namedSteps.clf; // a LogisticRegression
console.log('features the model sees:');
names.forEach((name, j) => {
  const weights = clf.coef_.map((row) => row[j]);
  const k = weights.reduce((best, w, i) => (Math.abs(w) > Math.abs(weights[best]) ? i : best), 0);
  console.log(`  ${name.padEnd(28)} strongest for ${String(clf.classes_[k]).padEnd(10)} (${weights[k].toFixed(3)})`);
});

// The fitted pipeline, preprocessing included, saves to JSON and loads back.
const again = loadModel(JSON.stringify(model), { expect: Pipeline });
const same = again.predict(XTest).every((p, i) => p === pred[i]);
console.log(`reloaded model predicts the same: ${same}`);
if (!same) process.exit(1);

/**
 * The quick start: classify breast tumours from the 30 features of the shipped breast-cancer data.
 * Fits a Pipeline (imputer → scaler → logistic regression), cross-validates it, evaluates it on a
 * held-out test set, prints a confusion matrix and a classification report, then saves the model
 * to JSON and loads it back.
 *
 * Run: npm start
 */
import {
  LogisticRegression,
  Pipeline,
  SimpleImputer,
  StandardScaler,
  accuracyScore,
  classificationReport,
  confusionMatrix,
  crossValScore,
  loadBreastCancer,
  loadModel,
  trainTestSplit,
} from 'typelearn';

const { data, target, targetNames } = loadBreastCancer();
console.log(`breast cancer: ${data.length} samples x ${data[0].length} features, classes ${targetNames!.join(' / ')}`);

// Knock out 5% of the values, as real data would have them: the imputer fills them in.
const messy = data.map((row, i) => row.map((v, j) => ((i * 31 + j * 17) % 20 === 0 ? NaN : v)));

const { XTrain, XTest, yTrain, yTest } = trainTestSplit(messy, target, { testSize: 0.25, stratify: target, randomState: 0 });

const model = new Pipeline([
  ['impute', new SimpleImputer({ strategy: 'median' })],
  ['scale', new StandardScaler()],
  ['clf', new LogisticRegression({ C: 1 })],
]);

const cv = crossValScore(model, XTrain, yTrain, { cv: 5, scoring: 'accuracy' });
const mean = cv.reduce((a, b) => a + b, 0) / cv.length;
console.log(`5-fold CV accuracy: ${cv.map((s) => s.toFixed(3)).join(', ')} (mean ${mean.toFixed(3)})`);

model.fit(XTrain, yTrain);
const predicted = model.predict(XTest);
console.log(`test accuracy: ${accuracyScore(yTest, predicted).toFixed(3)}`);
console.log('confusion matrix (rows: true malignant, benign; columns: predicted):');
for (const row of confusionMatrix(yTest, predicted)) console.log('  ', row.map((v) => String(v).padStart(4)).join(''));
console.log(classificationReport(yTest, predicted, { targetNames: targetNames!, digits: 3 }));

// Save to JSON and load back: the loaded model predicts exactly what the saved one did.
const json = JSON.stringify(model);
const again = loadModel(json, { expect: Pipeline });
const same = again.predict(XTest).every((v, i) => v === predicted[i]);
console.log(`saved ${json.length} characters of JSON; loaded model gives identical predictions: ${same}`);
if (!same) process.exit(1);

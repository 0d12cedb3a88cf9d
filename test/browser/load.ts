/**
 * Loads a model saved by Node. The classes are imported only to be named in `classes`: nothing else
 * in this bundle uses them, which is the case where bundlers used to drop them.
 */
import { LogisticRegression, Pipeline, StandardScaler, loadModel } from 'typelearn';
import { encode } from './encode';

const w = globalThis as unknown as { __report?: unknown; __done?: boolean };
async function main(): Promise<void> {
  try {
    const { model, X } = (await (await fetch('./model.json')).json()) as { model: object; X: number[][] };
    const back = loadModel<Pipeline>(model, { classes: [Pipeline, StandardScaler, LogisticRegression] });
    w.__report = { predict: encode(back.predict(X)), proba: encode(back.predictProba(X)) };
  } catch (e) {
    w.__report = { error: (e as Error).stack ?? String(e) };
  }
  w.__done = true;
}
void main();

/** Imports only loadModel: loading a Node-saved pipeline must fail naming every class it holds. */
import { loadModel } from 'typelearn';

const w = globalThis as unknown as { __report?: unknown; __done?: boolean };
async function main(): Promise<void> {
  const { model } = (await (await fetch('./model.json')).json()) as { model: object };
  try {
    loadModel(model);
    w.__report = { error: 'loadModel built classes this bundle does not hold' };
  } catch (e) {
    w.__report = { message: (e as Error).message };
  }
  w.__done = true;
}
void main();

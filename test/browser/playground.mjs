// The playground (examples/playground) in Chromium: Vite builds the app as a user would (typelearn
// imported by its package name, so through package.json "exports" to dist/), the page is served on
// localhost and driven like a person would: it trains on the pre-loaded penguins with a logistic
// regression, then on cars (picked as a file, Cylinders made a category, Name refused as numeric)
// with a KNN imputer, a robust scaler, an ordinal encoder, SelectKBest and a gradient-boosting
// regressor, then on penguins' sex (with '.' added to the missing-value markers: two classes) with
// a decision tree. Each run must report a progress
// message per fit and cross-validated scores equal (to 1e-12) to crossValScore in Node over the
// same pipeline and the same seeded folds, and show its plots (the confusion matrix or the
// residuals, the ROC curve of a binary target, the tree of a decision tree) and the coefficients or
// importances. The downloaded model must load with loadModel in Node and predict what the same
// pipeline fitted in Node predicts (labels equal; probabilities within 1e-12).
// Called by run.mjs with its browser; alone: npm run build && node test/browser/playground.mjs
import { build as viteBuild } from 'vite';
import { bundleForNode, serve } from './harness.mjs';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('../..', import.meta.url).pathname;
const app = join(root, 'examples', 'playground');
const out = join(root, 'test', 'browser', '.out');
const www = join(out, 'playground');

/** Scores computed in the page and in Node agree to this (the same fits on the same folds). */
const SCORE_TOLERANCE = 1e-12;
/** Predicted probabilities of the downloaded model against the Node-fitted one (Math.exp differs in the last bit between engines). */
const PROBA_TOLERANCE = 1e-12;

/** The two runs: what the test sets in the page, and the options Node must use to build the same pipeline. */
const RUNS = [
  {
    name: 'penguins, LogisticRegression',
    dataset: 'penguins',
    target: 'Species',
    task: 'classification',
    model: 'LogisticRegression',
    options: { C: '0.5', maxIter: '200' },
    steps: { imputer: 'median', scaler: 'standard', encoder: 'onehot', selector: 'none' },
    folds: 5,
    seed: 7,
    plot: 'confusion matrix',
    plotCells: /class="cell"/g,
  },
  {
    name: 'cars, HistGradientBoostingRegressor',
    dataset: 'cars',
    // Picked with the file input (a File, read through its stream) rather than the preset.
    upload: true,
    // Cylinders made a category in the column table; Name cannot be made numeric (the reader says why).
    types: { Cylinders: 'string' },
    refusedType: 'Name',
    target: 'Miles_per_Gallon',
    task: 'regression',
    model: 'HistGradientBoostingRegressor',
    options: { learningRate: '0.1', maxIter: '40', maxLeafNodes: '15' },
    steps: { imputer: 'knn', scaler: 'robust', encoder: 'ordinal', selector: 'kbest' },
    folds: 4,
    seed: 3,
    plot: 'residual plot',
    plotCells: /class="point"/g,
  },
  {
    name: "penguins' sex, DecisionTreeClassifier",
    dataset: 'penguins',
    // The one '.' in Sex made a missing-value marker in the page: the target has two classes.
    missing: ['.'],
    target: 'Sex',
    task: 'classification',
    model: 'DecisionTreeClassifier',
    options: { maxDepth: '4', minSamplesLeaf: '2' },
    steps: { imputer: 'mean', scaler: 'none', encoder: 'onehot', selector: 'variance' },
    folds: 3,
    seed: 11,
    plot: 'confusion matrix',
    plotCells: /class="cell"/g,
  },
];

/**
 * Runs the playground test with a launched playwright-core `browser`. Prints an `ok` or `FAIL`
 * line per check and returns the number of failures.
 */
export async function testPlayground(browser) {
  let failures = 0;
  const fail = (message) => {
    failures++;
    console.log(`FAIL playground: ${message}`);
  };
  const ok = (message) => console.log(`ok   playground: ${message}`);

  // 1. Build the app with Vite, noting where typelearn came from.
  rmSync(www, { recursive: true, force: true });
  const modules = new Set();
  const started = performance.now();
  await viteBuild({
    configFile: join(app, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: www, emptyOutDir: true },
    plugins: [{ name: 'record-modules', transform: (_code, id) => void modules.add(id) }],
  });
  const typelearnFiles = [...modules].filter((id) => id.startsWith(join(root, 'dist')) || id.startsWith(join(root, 'src')));
  if (!typelearnFiles.length || typelearnFiles.some((id) => id.startsWith(join(root, 'src')))) fail(`the page must bundle typelearn from dist/ (found ${typelearnFiles.find((id) => id.startsWith(join(root, 'src'))) ?? 'nothing'})`);
  else ok(`Vite built the app in ${((performance.now() - started) / 1000).toFixed(1)} s, typelearn from dist/ (${typelearnFiles.length} modules in the page's bundle)`);

  // 2. The playground's own data and pipeline modules for Node (typelearn left to Node's resolver: dist/).
  await bundleForNode({ entryPoints: [join(app, 'src', 'data.ts'), join(app, 'src', 'pipeline.ts')], outdir: join(out, 'playground-node'), target: 'es2022' });
  const data = await import(pathToFileURL(join(out, 'playground-node', 'data.js')).href);
  const pipeline = await import(pathToFileURL(join(out, 'playground-node', 'pipeline.js')).href);
  const typelearn = await import('typelearn');
  typelearn.setWarningHandler(() => undefined);

  // 3. Serve the built app.
  const { server, base } = await serve(www);

  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await tab.goto(`${base}/index.html`);
    await tab.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
    const info = await tab.textContent('#data-info');
    if (!/^penguins\.csv: 344 rows, 7 columns, \d+ missing cells\.$/.test(info)) fail(`the page should open on penguins: ${info}`);

    // A dropped file that is not a valid CSV (a row with a missing field): the page says why.
    await tab.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['a,b,c\n1,2,x\n3,4\n'], 'ragged.csv', { type: 'text/csv' }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await tab.waitForSelector('body[data-state="error"]', { timeout: 30_000 });
    const dropped = await tab.textContent('#data-info');
    if (!dropped.startsWith('Could not read ragged.csv') || !dropped.includes('3 fields per row')) fail(`a dropped ragged CSV should be refused with the reader's message: ${dropped}`);
    else ok(`a dropped ragged CSV is refused with typelearn's message ("${dropped.slice(0, 80)}…")`);

    for (const run of RUNS) {
      // The page: choose the data, target, task, pipeline and model as a person would.
      const waitLoaded = (file) => tab.waitForFunction((f) => document.body.dataset.state === 'ready' && document.getElementById('data-info').textContent.startsWith(f), file);
      if (run.upload) {
        await tab.setInputFiles('#file', join(app, 'data', `${run.dataset}.csv`));
        await waitLoaded(`${run.dataset}.csv`);
      } else if ((await tab.inputValue('#dataset')) !== run.dataset || (await tab.getAttribute('body', 'data-state')) !== 'ready') {
        await tab.selectOption('#dataset', run.dataset);
        await waitLoaded(`${run.dataset}.csv`);
      }
      if (run.missing) {
        // Typed, then the field left (its change event reloads the table).
        await tab.fill('#missing', [...data.DEFAULT_MISSING.filter((m) => m !== ''), ...run.missing].join(', '));
        await tab.locator('#missing').blur();
        await waitLoaded(`${run.dataset}.csv`);
      }
      if (run.refusedType) {
        await tab.selectOption(`#columns select[data-column="${run.refusedType}"]`, 'number');
        await waitLoaded(`'${run.refusedType}' stays text`);
        const said = await tab.textContent('#data-info');
        if (!said.includes(`a number or a missing-value marker in numeric column "${run.refusedType}"`)) fail(`${run.name}: making ${run.refusedType} numeric should be refused with the reader's message: ${said}`);
        else ok(`${run.name}: making the text column ${run.refusedType} numeric is refused with the reader's message, and undone`);
      }
      for (const [column, type] of Object.entries(run.types ?? {})) {
        await tab.selectOption(`#columns select[data-column="${column}"]`, type);
        await waitLoaded(`${run.dataset}.csv`);
      }
      await tab.selectOption('#target', run.target);
      await tab.selectOption('#task', run.task);
      for (const [step, value] of Object.entries(run.steps)) await tab.selectOption(`#${step}`, value);
      await tab.selectOption('#model', run.model);
      for (const [key, value] of Object.entries(run.options)) await tab.fill(`[data-option="${key}"]`, value);
      await tab.fill('#folds', String(run.folds));
      await tab.fill('#seed', String(run.seed));
      const shown = await tab.$$eval('#columns tr', (rows) => rows.map((r) => [...r.children].map((td) => td.querySelector('select')?.value ?? td.textContent)));
      const ticked = await tab.$$eval('#columns input.use', (boxes) => boxes.filter((b) => b.checked).map((b) => b.dataset.column));
      const form = await tab.$$eval('select, input:not([type=file]):not([type=checkbox])', (inputs) => inputs.map((i) => `${i.id || i.dataset.option}=${i.value}`).join(' '));
      // Every progress message the page shows, recorded as it appears.
      await tab.evaluate(() => {
        const label = document.getElementById('progress-label');
        globalThis.__progress = [];
        globalThis.__observer ??= new MutationObserver(() => globalThis.__progress.push(label.textContent));
        globalThis.__observer.observe(label, { childList: true, characterData: true, subtree: true });
      });
      await tab.click('#train');
      await tab.waitForFunction(() => ['trained', 'error'].includes(document.body.dataset.state), null, { timeout: 120_000 });
      if ((await tab.getAttribute('body', 'data-state')) === 'error') {
        fail(`${run.name}: ${await tab.textContent('#status')}`);
        continue;
      }
      const scores = JSON.parse(await tab.getAttribute('#cv-score', 'data-scores'));
      const progress = await tab.evaluate(() => globalThis.__progress);
      const bar = await tab.$eval('#progress', (p) => [p.value, p.max]);
      const plot = (await tab.innerHTML('#plot')) ?? '';
      const bars = (await tab.innerHTML('#importances')) ?? '';
      const tree = (await tab.innerHTML('#tree')) ?? '';
      const [download] = await Promise.all([tab.waitForEvent('download'), tab.click('#download')]);
      const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));

      // Node: the same table, features, pipeline and folds; crossValScore and a fit on all rows.
      const table = await data.parseCsv(readFileSync(join(app, 'data', `${run.dataset}.csv`), 'utf8'), [...data.DEFAULT_MISSING, ...(run.missing ?? [])], run.types);
      const summary = data.summarize(table);
      const shownTypes = shown.map((r) => `${r[1]}:${r[2]}:${r[3]}`).join(' ');
      const wantTypes = summary.map((c) => `${c.name}:${c.type}:${c.missing}`).join(' ');
      if (shownTypes !== wantTypes) fail(`${run.name}: the column table shows ${shownTypes}, expected ${wantTypes}`);
      const features = summary.filter((c) => c.name !== run.target && data.defaultFeature(c, table.rows.length));
      if (ticked.join() !== features.map((c) => c.name).join()) fail(`${run.name}: the page ticks the features ${ticked.join(', ')}; expected ${features.map((c) => c.name).join(', ')}`);
      const config = {
        task: run.task,
        numeric: features.filter((c) => c.type === 'number').map((c) => c.name),
        categorical: features.filter((c) => c.type === 'string').map((c) => c.name),
        ...run.steps,
        k: 5,
        threshold: 0,
        model: run.model,
        options: run.options,
        folds: run.folds,
        randomState: run.seed,
      };
      const { X, y } = data.prepare(table, run.target, [...config.numeric, ...config.categorical], run.task);
      const cv = (run.task === 'classification' ? new typelearn.StratifiedKFold({ nSplits: run.folds, shuffle: true, randomState: run.seed }) : new typelearn.KFold({ nSplits: run.folds, shuffle: true, randomState: run.seed }));
      const want = typelearn.crossValScore(pipeline.buildPipeline(config), X, y, { cv });
      const worst = Math.max(...want.map((w, i) => Math.abs(w - scores[i])));
      if (scores.length !== want.length || !(worst <= SCORE_TOLERANCE)) fail(`${run.name}: page's cross-validated scores ${JSON.stringify(scores)}, Node's crossValScore ${JSON.stringify(want)} (the page's form: ${form})`);
      else ok(`${run.name}: ${run.folds}-fold scores equal to Node's crossValScore ${worst === 0 ? 'bit for bit' : `within ${worst.toExponential(1)}`} (mean ${(want.reduce((a, b) => a + b, 0) / want.length).toFixed(3)}; allowed ${SCORE_TOLERANCE})`);

      const total = run.folds + 1;
      const perFit = Array.from({ length: total }, (_, i) => `${i + 1} of ${total} fits`);
      const missingSteps = perFit.filter((p) => !progress.some((t) => t.startsWith(p)));
      if (bar[0] !== total || bar[1] !== total || missingSteps.length) fail(`${run.name}: progress bar at ${bar[0]}/${bar[1]}, messages ${JSON.stringify(progress)}`);
      else ok(`${run.name}: the progress bar went through all ${total} fits (${progress.length} messages)`);

      const cells = plot.match(run.plotCells)?.length ?? 0;
      const expectedCells = run.task === 'classification' ? new Set(y).size ** 2 : y.length;
      if (!plot.startsWith('<svg') || cells !== expectedCells) fail(`${run.name}: the ${run.plot} should be an SVG with ${expectedCells} marks, found ${cells}`);
      else if (!bars.includes('class="bar"') && run.model !== 'HistGradientBoostingRegressor') fail(`${run.name}: no coefficient or importance bars`);
      else {
        const binary = run.task === 'classification' && new Set(y).size === 2;
        const roc = plot.includes('ROC curve') && (plot.match(/<svg/g) ?? []).length === 2;
        const treeNodes = tree.match(/class="node /g)?.length ?? 0;
        if (binary !== roc) fail(`${run.name}: ${binary ? 'no ROC curve for a binary target' : 'a ROC curve for a target of more than two classes'}`);
        else if (run.model.startsWith('DecisionTree') !== treeNodes > 0) fail(`${run.name}: the tree diagram should be shown for a decision tree only (${treeNodes} nodes)`);
        else ok(`${run.name}: the ${run.plot} is shown (${cells} marks)${roc ? ', the ROC curve' : ''}${bars.includes('class="bar"') ? `, the model's ${run.model.startsWith('Logistic') ? 'coefficients' : 'importances'}` : ''}${treeNodes ? `, the tree (${treeNodes} nodes)` : ''}`);
      }

      const loaded = typelearn.loadModel(saved);
      const reference = pipeline.buildPipeline(config).fit(X, y);
      const a = loaded.predict(X);
      const b = reference.predict(X);
      const sameLabels = a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
      let probaGap = 0;
      if (run.task === 'classification') {
        const pa = loaded.predictProba(X).to2DArray();
        const pb = reference.predictProba(X).to2DArray();
        pa.forEach((row, i) => row.forEach((v, j) => (probaGap = Math.max(probaGap, Math.abs(v - pb[i][j])))));
      }
      if (!sameLabels) fail(`${run.name}: the downloaded model (loaded in Node) predicts other values than the pipeline fitted in Node`);
      else if (!(probaGap <= PROBA_TOLERANCE)) fail(`${run.name}: the downloaded model's probabilities differ from Node's by ${probaGap}`);
      else ok(`${run.name}: the downloaded ${download.suggestedFilename()} loads with loadModel in Node and predicts ${run.task === 'classification' ? `the same labels (probabilities within ${probaGap.toExponential(1)})` : 'the same values bit for bit'} as the pipeline fitted in Node`);
    }
    for (const e of errors) fail(`error in the page: ${e}`);
  } finally {
    await context.close();
    server.close();
  }
  return failures;
}

// Alone: launch Chromium as run.mjs does.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { chromium } = await import('playwright-core');
  if (!existsSync(join(root, 'dist', 'index.js'))) {
    console.error('dist/ is missing: run `npm run build` first.');
    process.exit(1);
  }
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let failures;
  try {
    failures = await testPlayground(browser);
  } finally {
    await browser.close();
  }
  console.log(failures ? `playground: ${failures} failed` : 'playground: passed');
  process.exit(failures ? 1 : 0);
}

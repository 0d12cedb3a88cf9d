/**
 * The playground page: load a CSV (the pre-loaded penguins or cars, a dropped file or a picked
 * one), choose the target and the features, build a pipeline, train it in a Web Worker with a
 * progress bar, and see the cross-validated scores, a confusion matrix or residual plot, the
 * model's feature importances or coefficients, and download the fitted model as JSON.
 */
import { confusionMatrix, f1Score, meanAbsoluteError, meanSquaredError, rocCurve } from 'typelearn';
import type { Label } from 'typelearn';
import { confusionMatrixSvg, featureImportancesSvg, residualsSvg, rocCurveSvg } from 'typelearn/plot';
import penguinsCsv from '../data/penguins.csv?raw';
import carsCsv from '../data/cars.csv?raw';
import { DEFAULT_MISSING, defaultFeature, parseCsv, prepare, suggestTask, summarize, type ColumnSummary, type ColumnType, type Table, type Task } from './data';
import { MODELS, modelSpec } from './models';
import type { PipelineConfig } from './pipeline';
import type { TrainResult } from './train';
import type { TrainRequest, WorkerMessage } from './worker';

/** The pre-loaded data sets and the target each starts with. */
const PRESETS: Record<string, { csv: string; target: string; file: string }> = {
  penguins: { csv: penguinsCsv, target: 'Species', file: 'penguins.csv' },
  cars: { csv: carsCsv, target: 'Miles_per_Gallon', file: 'cars.csv' },
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}
function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} is missing from index.html`);
  return e as T;
}
function fillSelect(select: HTMLSelectElement, values: string[], selected?: string): void {
  select.replaceChildren(...values.map((v) => el('option', { value: v, textContent: v, selected: v === selected })));
}

const ui = {
  dataset: byId<HTMLSelectElement>('dataset'),
  file: byId<HTMLInputElement>('file'),
  drop: byId<HTMLElement>('drop'),
  missing: byId<HTMLInputElement>('missing'),
  dataInfo: byId<HTMLElement>('data-info'),
  status: byId<HTMLElement>('status'),
  columns: byId<HTMLTableSectionElement>('columns'),
  target: byId<HTMLSelectElement>('target'),
  task: byId<HTMLSelectElement>('task'),
  imputer: byId<HTMLSelectElement>('imputer'),
  scaler: byId<HTMLSelectElement>('scaler'),
  encoder: byId<HTMLSelectElement>('encoder'),
  selector: byId<HTMLSelectElement>('selector'),
  k: byId<HTMLInputElement>('k'),
  threshold: byId<HTMLInputElement>('threshold'),
  model: byId<HTMLSelectElement>('model'),
  modelOptions: byId<HTMLElement>('model-options'),
  folds: byId<HTMLInputElement>('folds'),
  seed: byId<HTMLInputElement>('seed'),
  train: byId<HTMLButtonElement>('train'),
  progress: byId<HTMLProgressElement>('progress'),
  progressLabel: byId<HTMLElement>('progress-label'),
  results: byId<HTMLElement>('results'),
  score: byId<HTMLElement>('cv-score'),
  folds_: byId<HTMLElement>('fold-scores'),
  extra: byId<HTMLElement>('extra-metrics'),
  warnings: byId<HTMLElement>('warnings'),
  plot: byId<HTMLElement>('plot'),
  importances: byId<HTMLElement>('importances'),
  tree: byId<HTMLElement>('tree'),
  download: byId<HTMLAnchorElement>('download'),
};

let table: Table | undefined;
let summary: ColumnSummary[] = [];
let source: { text: string | File; name: string } = { text: penguinsCsv, name: 'penguins.csv' };
let worker: Worker | undefined;
let downloadUrl: string | undefined;
/** Column types the user chose in the table, for the current file (the reader infers the others). */
let types: Record<string, ColumnType> = {};

/**
 * The page's state, for people and for the browser test: loading, ready, training, trained or
 * error. The message goes under the data (reading a file) or under the train button (training).
 */
function setState(state: 'loading' | 'ready' | 'training' | 'trained' | 'error', message: string, where: 'data' | 'train' = 'data'): void {
  document.body.dataset.state = state;
  const [shown, cleared] = where === 'data' ? [ui.dataInfo, ui.status] : [ui.status, ui.dataInfo];
  shown.textContent = message;
  shown.classList.toggle('error', state === 'error');
  if (where === 'data') cleared.textContent = '';
  else cleared.classList.remove('error');
}

/** Counts the loads started, so that only the latest one shows its table. */
let loads = 0;

/** Reads a file (or the current one again) and shows its columns; resolves to whether it could. */
async function load(text: string | File, name: string, target?: string): Promise<boolean> {
  const id = ++loads;
  if (text !== source.text) types = {};
  source = { text, name };
  setState('loading', `Reading ${name}…`);
  try {
    // Empty cells are always missing; the field lists the other markers.
    const read = await parseCsv(text, ['', ...ui.missing.value.split(',').map((s) => s.trim()).filter((s) => s !== '')], types);
    if (id !== loads) return false;
    table = read;
  } catch (err) {
    if (id !== loads) return false;
    table = undefined;
    summary = [];
    ui.columns.replaceChildren();
    setState('error', `Could not read ${name}: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
  summary = summarize(table);
  const gaps = summary.reduce((n, c) => n + c.missing, 0);
  fillSelect(ui.target, table.columns, target && table.columns.includes(target) ? target : table.columns[table.columns.length - 1]);
  renderColumns();
  onTargetChange();
  setState('ready', `${name}: ${table.rows.length} rows, ${table.columns.length} columns, ${gaps} missing cells.`);
  return true;
}

/** The user sets a column's type: read the file again with it; if the reader refuses, say why and undo. */
async function setType(column: string, type: ColumnType): Promise<void> {
  types[column] = type;
  if (await load(source.text, source.name, ui.target.value)) return;
  const why = ui.dataInfo.textContent ?? '';
  delete types[column];
  if (await load(source.text, source.name, ui.target.value)) setState('ready', `'${column}' stays text: ${why}`);
}

/** The column table: inferred type, missing count, distinct values, and whether it is a feature. */
function renderColumns(): void {
  if (!table) return;
  const rows = table.rows.length;
  ui.columns.replaceChildren(
    ...summary.map((c) => {
      const use = el('input', { type: 'checkbox', checked: defaultFeature(c, rows), className: 'use' });
      use.dataset.column = c.name;
      return el(
        'tr',
        {},
        el('td', {}, use),
        el('td', { textContent: c.name }),
        el('td', { className: c.type }, typeSelect(c)),
        el('td', { textContent: String(c.missing), className: c.missing ? 'has-missing' : '' }),
        el('td', { textContent: String(c.distinct) }),
      );
    }),
  );
}

/** The type cell: what the reader made of the column, which the user can change. */
function typeSelect(c: ColumnSummary): HTMLSelectElement {
  const select = el('select', { className: 'type', title: 'the type the CSV reader gives this column' });
  select.append(el('option', { value: 'number', textContent: 'number', selected: c.type === 'number' }), el('option', { value: 'string', textContent: 'text', selected: c.type === 'string' }));
  select.dataset.column = c.name;
  select.addEventListener('change', () => void setType(c.name, select.value as ColumnType));
  return select;
}

function onTargetChange(): void {
  const target = summary.find((c) => c.name === ui.target.value);
  if (!target || !table) return;
  for (const box of ui.columns.querySelectorAll<HTMLInputElement>('input.use')) {
    const isTarget = box.dataset.column === target.name;
    box.disabled = isTarget;
    if (isTarget) box.checked = false;
    else if (box.dataset.targetWas === 'yes') box.checked = defaultFeature(summary.find((c) => c.name === box.dataset.column)!, table.rows.length);
    box.dataset.targetWas = isTarget ? 'yes' : '';
  }
  const task = suggestTask(target, table);
  fillSelect(ui.task, target.type === 'string' ? ['classification'] : ['classification', 'regression'], task);
  onTaskChange();
}

function onTaskChange(): void {
  const task = ui.task.value as Task;
  const current = ui.model.value;
  const names = MODELS.filter((m) => m.task === task).map((m) => m.name);
  fillSelect(ui.model, names, names.includes(current) ? current : names[0]);
  // The same model as before keeps the options the user set.
  if (ui.model.value !== optionsFor) onModelChange();
}

/** The model whose options the form shows. */
let optionsFor = '';

function onModelChange(): void {
  const spec = modelSpec(ui.model.value);
  optionsFor = spec.name;
  ui.modelOptions.replaceChildren(
    ...spec.options.map((o) => {
      let input: HTMLInputElement | HTMLSelectElement;
      if (o.kind === 'choice') {
        input = el('select');
        fillSelect(input, o.choices ?? [], o.default);
      } else {
        input = el('input', { type: o.kind === 'layers' ? 'text' : 'number', value: o.default });
        if (o.min !== undefined) input.min = String(o.min);
        if (o.step !== undefined) input.step = String(o.step);
      }
      input.dataset.option = o.key;
      return el('label', {}, `${o.label} `, input);
    }),
  );
  if (spec.options.length === 0) ui.modelOptions.append(el('span', { className: 'note', textContent: 'no options to set' }));
}

function onSelectorChange(): void {
  ui.k.parentElement!.hidden = ui.selector.value !== 'kbest';
  ui.threshold.parentElement!.hidden = ui.selector.value !== 'variance';
}

function config(): PipelineConfig {
  const features = [...ui.columns.querySelectorAll<HTMLInputElement>('input.use')].filter((b) => b.checked).map((b) => b.dataset.column!);
  const type = new Map(summary.map((c) => [c.name, c.type]));
  const options: Record<string, string> = {};
  for (const input of ui.modelOptions.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-option]')) options[input.dataset.option!] = input.value;
  return {
    task: ui.task.value as Task,
    numeric: features.filter((f) => type.get(f) === 'number'),
    categorical: features.filter((f) => type.get(f) === 'string'),
    imputer: ui.imputer.value as PipelineConfig['imputer'],
    scaler: ui.scaler.value as PipelineConfig['scaler'],
    encoder: ui.encoder.value as PipelineConfig['encoder'],
    selector: ui.selector.value as PipelineConfig['selector'],
    k: Number(ui.k.value),
    threshold: Number(ui.threshold.value),
    model: ui.model.value,
    options,
    folds: Number(ui.folds.value),
    randomState: Number(ui.seed.value),
  };
}

function train(): void {
  if (!table) return;
  const cfg = config();
  let request: TrainRequest;
  let dropped: number;
  try {
    const prepared = prepare(table, ui.target.value, [...cfg.numeric, ...cfg.categorical], cfg.task);
    request = { X: prepared.X, y: prepared.y, config: cfg };
    dropped = prepared.dropped;
  } catch (err) {
    setState('error', err instanceof Error ? err.message : String(err), 'train');
    return;
  }
  const dataName = source.name.replace(/\.[^.]*$/, '');
  worker?.terminate();
  worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  ui.train.textContent = 'Stop';
  ui.results.hidden = true;
  ui.progress.value = 0;
  ui.progressLabel.textContent = 'starting the worker…';
  setState('training', `Training ${cfg.model} on ${request.X.length} rows${dropped ? ` (${dropped} rows without a target left out)` : ''}…`, 'train');
  worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
    const m = e.data;
    if (m.type === 'progress') {
      ui.progress.max = m.total;
      ui.progress.value = m.done;
      ui.progressLabel.textContent = `${m.done} of ${m.total} fits · ${m.label}`;
    } else {
      stopWorker();
      if (m.type === 'error') setState('error', `Training failed: ${m.message}`, 'train');
      else {
        showResults(m.result, request, dataName);
        setState('trained', `${cfg.model}: ${cfg.folds}-fold cross-validation and a final fit on ${request.X.length} rows in ${(m.result.ms / 1000).toFixed(2)} s.`, 'train');
      }
    }
  };
  worker.onerror = (e) => {
    stopWorker();
    setState('error', `The worker failed: ${e.message}`, 'train');
  };
  worker.postMessage(request);
}

function stopWorker(): void {
  worker?.terminate();
  worker = undefined;
  ui.train.textContent = 'Train';
}

const fmt = (v: number): string => (Math.abs(v) >= 1000 ? v.toFixed(0) : v.toPrecision(4).replace(/\.?0+$/, ''));

function showResults(r: TrainResult, request: TrainRequest, dataName: string): void {
  const classification = request.config.task === 'classification';
  const mean = r.scores.reduce((a, b) => a + b, 0) / r.scores.length;
  const sd = Math.sqrt(r.scores.reduce((a, b) => a + (b - mean) ** 2, 0) / r.scores.length);
  const metric = classification ? 'accuracy' : 'R²';
  ui.score.textContent = `${metric} ${mean.toFixed(3)} ± ${sd.toFixed(3)}`;
  ui.score.dataset.scores = JSON.stringify(r.scores);
  ui.folds_.textContent = `per fold: ${r.scores.map((s) => s.toFixed(3)).join(', ')}`;
  const y = request.y;
  if (classification) {
    const labels = r.classes ?? [];
    ui.extra.textContent = `out-of-fold macro F1 ${f1Score(y as Label[], r.predictions, { average: 'macro' }).toFixed(3)}`;
    const cm = confusionMatrix(y as Label[], r.predictions, { labels });
    ui.plot.innerHTML = confusionMatrixSvg(cm, { labels, title: 'Confusion matrix (out-of-fold predictions)', width: 420, height: 360 });
    if (r.positiveScores) {
      const roc = rocCurve(y as Label[], r.positiveScores, { posLabel: labels[1] });
      ui.plot.insertAdjacentHTML('beforeend', rocCurveSvg([{ ...roc, name: request.config.model }], { title: `ROC curve, ${String(labels[1])} as positive (out-of-fold)`, width: 420, height: 360 }));
    }
  } else {
    const pred = r.predictions as number[];
    const yv = y as number[];
    ui.extra.textContent = `out-of-fold RMSE ${fmt(Math.sqrt(meanSquaredError(yv, pred)))}, MAE ${fmt(meanAbsoluteError(yv, pred))}`;
    ui.plot.innerHTML = residualsSvg(yv, pred, { title: 'Residuals (out-of-fold predictions)', width: 480, height: 360 });
  }
  ui.warnings.replaceChildren(...r.warnings.map((w) => el('li', { textContent: w })));
  const imp = r.importances;
  if (!imp) ui.importances.replaceChildren(el('p', { className: 'note', textContent: `${request.config.model} has no feature importances or coefficients to show${request.config.model.startsWith('SV') ? ' (coefficients exist for the linear kernel)' : ''}.` }));
  else {
    ui.importances.innerHTML = imp.series
      .slice(0, 6)
      .map((s) =>
        featureImportancesSvg(s.values, {
          featureNames: imp.names,
          topK: 10,
          title: imp.series.length > 1 ? `${imp.kind === 'coefficient' ? 'Coefficients' : 'Importances'}: ${s.label}` : imp.kind === 'coefficient' ? 'Coefficients' : 'Feature importances',
          xLabel: s.label,
          width: imp.series.length > 1 ? 400 : 520,
          height: 300,
        }),
      )
      .join('');
  }
  ui.tree.innerHTML = r.tree ?? '';
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(new Blob([JSON.stringify(r.model)], { type: 'application/json' }));
  ui.download.href = downloadUrl;
  ui.download.download = `${dataName}-${request.config.model}.json`;
  ui.results.hidden = false;
}

ui.dataset.addEventListener('change', () => {
  const p = PRESETS[ui.dataset.value];
  if (p) void load(p.csv, p.file, p.target);
  else ui.file.click();
});
// The file dialog closed without a file: the select shows the data the table holds again.
ui.file.addEventListener('cancel', () => {
  ui.dataset.value = Object.keys(PRESETS).find((k) => PRESETS[k].csv === source.text) ?? 'file';
});
ui.file.addEventListener('change', () => {
  const f = ui.file.files?.[0];
  if (f) {
    ui.dataset.value = 'file';
    void load(f, f.name);
  }
});
ui.missing.addEventListener('change', () => void load(source.text, source.name, ui.target.value));
ui.target.addEventListener('change', onTargetChange);
ui.task.addEventListener('change', onTaskChange);
ui.model.addEventListener('change', onModelChange);
ui.selector.addEventListener('change', onSelectorChange);
ui.train.addEventListener('click', () => {
  if (worker) {
    stopWorker();
    ui.progressLabel.textContent = 'stopped';
    setState('ready', 'Training stopped.', 'train');
  } else train();
});
for (const type of ['dragenter', 'dragover']) {
  document.addEventListener(type, (e) => {
    e.preventDefault();
    ui.drop.classList.add('over');
  });
}
document.addEventListener('dragleave', () => ui.drop.classList.remove('over'));
document.addEventListener('drop', (e) => {
  e.preventDefault();
  ui.drop.classList.remove('over');
  const f = e.dataTransfer?.files[0];
  if (f) {
    ui.dataset.value = 'file';
    void load(f, f.name);
  }
});

ui.missing.value = DEFAULT_MISSING.filter((m) => m !== '').join(', ');
onSelectorChange();
void load(penguinsCsv, 'penguins.csv', 'Species');

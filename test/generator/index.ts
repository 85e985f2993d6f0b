/**
 * Random, internally consistent 政府信息公开工作年度报告 pages of both editions in many layouts,
 * for property tests of the extractor.
 *
 *   const r = generateReport({ seed: 42, layout: { word: true } });
 *   r.html, r.url, r.model.values['apply.new.total']
 *   const bad = withError(r.model, 'review.total', 2);   // bad.expectedFailing = ['review.sum']
 */
import { KEYS, keyInfo, type Edition } from '../../lib/core/keys';
import { layoutOf, type Layout } from './layout';
import { failingIdentities, randomModelCore, type Scale, type Values } from './model';
import { renderPage, reportUrl, titleOf } from './render';

export { NAMED_LAYOUTS, PLAIN, describeLayout, layoutOf, type Layout } from './layout';
export { failingIdentities, identities, type Identity, type Scale, type Values } from './model';
export { makeRng, type Rng } from './rng';
export { titleOf };

export interface Model {
  edition: Edition;
  agency: string;
  year: number;
  /** key → value for every key of KEYS[edition] */
  values: Values;
  layout: Layout;
  /** the seed the model was drawn from (for messages) */
  seed: number;
  scale: Scale;
}

export interface GeneratedReport {
  model: Model;
  html: string;
  url: string;
}

export interface GenerateParams {
  seed: number;
  edition?: Edition;
  scale?: Scale;
  /** knobs; `seed` of the layout defaults to the model seed */
  layout?: Partial<Layout>;
}

function render(model: Model): GeneratedReport {
  const url = reportUrl(model, model.layout);
  return { model, html: renderPage(model, model.layout, url), url };
}

/** A random report (deterministic in the seed). */
export function generateReport(params: number | GenerateParams): GeneratedReport {
  const p: GenerateParams = typeof params === 'number' ? { seed: params } : params;
  const core = randomModelCore(p.seed, { edition: p.edition, scale: p.scale });
  const layout = layoutOf({ seed: p.seed, ...p.layout });
  return render({ ...core, layout, seed: p.seed });
}

/** Re-render a model (e.g. after editing its values or its layout). */
export function renderModel(model: Model): GeneratedReport {
  return render(model);
}

export interface ErroneousReport extends GeneratedReport {
  /** ids of the SPEC §4 checks that must fail, sorted */
  expectedFailing: string[];
}

/**
 * The same report with one cell changed by `delta` (and re-rendered). The checks expected to fail come
 * from the generator's own evaluator of the identities, not from lib/.
 */
export function withError(model: Model, key: string, delta: number): ErroneousReport {
  const info = keyInfo(key);
  if (!info || !KEYS[model.edition].some((k) => k.key === key)) throw new Error(`${key} is not a key of edition ${model.edition}`);
  if (delta === 0) throw new Error('delta must not be 0');
  const v = model.values[key] + delta;
  if (info.kind === 'count' && (v < 0 || !Number.isInteger(v)))
    throw new Error(`${key} would become ${v}: counts are non-negative integers`);
  const values = { ...model.values, [key]: info.kind === 'money' ? Math.round(v * 100) / 100 : v };
  const next: Model = { ...model, values };
  return { ...render(next), expectedFailing: failingIdentities(model.edition, values).sort() };
}

/** Keys of an edition that a check reads (every section 三 and 四 key). */
export function checkedKeys(edition: Edition): string[] {
  return KEYS[edition].filter((k) => k.section !== 'active').map((k) => k.key);
}

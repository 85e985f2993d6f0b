/**
 * The report model of the generator: an edition, an agency, a year and one value per key of
 * KEYS[edition], internally consistent under the identities of SPEC §4. Plus a small evaluator of
 * those identities that is deliberately independent of lib/checks (it only uses the key catalogue).
 */
import {
  ACTIVE_ITEMS,
  APPLICANT_COLUMNS,
  APPLICANT_PARTS,
  APPLY_ROWS,
  KEYS,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  type Edition,
} from '../../lib/core/keys';
import { makeRng, type Rng } from './rng';

export type Values = Record<string, number>;

export interface ModelCore {
  edition: Edition;
  agency: string;
  year: number;
  values: Values;
}

/** How big the numbers are: many real reports are all zeros; a few have thousands of applications. */
export type Scale = 'zeros' | 'small' | 'medium' | 'big';

// ---------------------------------------------------------------------------------------------
// Agencies

const CITIES = ['衢州市', '渭南市', '广元市', '淮安市', '天门市', '常州市', '绍兴市', '桂林市', '安康市', '宜宾市', '台州市', '南通市'];
const COUNTIES = ['灵川县', '岚皋县', '桐庐县', '长丰县', '武功县', '宁陵县', '永嘉县', '西乡县', '三台县', '德清县', '平阳县', '富平县'];
const DISTRICTS = ['西湖区', '江北区', '天河区', '雁塔区', '柯城区', '临渭区', '利州区', '清江浦区', '鼓楼区', '新北区'];
const TOWNS = [
  '城关街道办事处',
  '北山街道办事处',
  '桂花坪街道办事处',
  '府山街道办事处',
  '民意乡人民政府',
  '青石镇人民政府',
  '城东街道办事处',
];
const BODIES = [
  '人民政府',
  '人民政府办公室',
  '行政审批服务局',
  '自然资源和规划局',
  '卫生健康委员会',
  '发展和改革委员会',
  '住房和城乡建设局',
  '市场监督管理局',
  '生态环境局',
  '退役军人事务局',
  '林业局',
  '教育局',
  '财政局',
  '公安局',
  '民政局',
  '人力资源和社会保障局',
  '交通运输局',
  '农业农村局',
  '审计局',
  '统计局',
];

export function randomAgency(rng: Rng): string {
  switch (rng.int(0, 5)) {
    case 0:
      return rng.pick(CITIES) + rng.pick(BODIES);
    case 1:
      return rng.pick(COUNTIES) + rng.pick(BODIES);
    case 2:
      return rng.pick(CITIES) + rng.pick(DISTRICTS) + rng.pick(BODIES);
    case 3:
      return rng.pick(CITIES) + rng.pick(DISTRICTS) + rng.pick(TOWNS);
    case 4:
      return rng.pick(COUNTIES) + rng.pick(TOWNS);
    default:
      return rng.pick([...CITIES, ...COUNTIES]) + rng.pick(['经济技术开发区管理委员会', '高新技术产业开发区管理委员会', '人民政府']);
  }
}

// ---------------------------------------------------------------------------------------------
// Values

function count(rng: Rng, scale: Scale, zeroBias = 0.6): number {
  if (scale === 'zeros') return 0;
  if (rng.chance(zeroBias)) return 0;
  const r = rng.next();
  if (scale === 'small') return r < 0.9 ? rng.int(1, 9) : rng.int(10, 40);
  if (scale === 'medium') return r < 0.7 ? rng.int(1, 9) : r < 0.95 ? rng.int(10, 99) : rng.int(100, 500);
  return r < 0.5 ? rng.int(1, 99) : r < 0.85 ? rng.int(100, 999) : rng.int(1000, 4000);
}

function money(rng: Rng, scale: Scale): number {
  if (scale === 'zeros' || rng.chance(0.3)) return 0;
  const hi = scale === 'big' ? 80000 : scale === 'medium' ? 3000 : 200;
  const cents = rng.int(0, hi * 100);
  return rng.chance(0.3) ? Math.round(cents / 100) : cents / 100;
}

/** Fill every key of the edition with consistent values. */
export function randomValues(rng: Rng, edition: Edition, scale: Scale): Values {
  const v: Values = {};
  // Section 二: independent counts, signed changes, money with at most two decimals.
  for (const item of ACTIVE_ITEMS[edition]) {
    for (const col of item.columns) {
      const key = `active.${item.key}.${col.key}`;
      if (col.kind === 'money') v[key] = money(rng, scale);
      else if (col.kind === 'change') v[key] = scale === 'zeros' || rng.chance(0.4) ? 0 : rng.int(-60, 60);
      else v[key] = count(rng, scale === 'zeros' ? 'small' : scale, 0.3);
    }
  }
  // Section 三: leaves per applicant column; (七)总计 is their sum; the balance fixes 一.
  const rows = APPLY_ROWS[edition];
  const leaves = rows.filter((r) => r.leaf);
  for (const col of APPLICANT_PARTS) {
    // Natural persons file most applications; organisations' columns are mostly empty.
    const colScale: Scale = col === 'natural' ? scale : scale === 'big' ? 'medium' : scale === 'medium' ? 'small' : scale;
    const bias = col === 'natural' ? 0.55 : 0.8;
    let total = 0;
    for (const r of leaves) {
      const x = count(rng, colScale, bias);
      v[`apply.${r.key}.${col}`] = x;
      total += x;
    }
    v[`apply.result.total.${col}`] = total;
    const forward = total === 0 && rng.chance(0.7) ? 0 : count(rng, colScale === 'big' ? 'medium' : colScale, 0.6);
    const over = rng.int(0, Math.min(total + forward, rng.chance(0.5) ? 0 : Math.max(3, Math.floor((total + forward) / 4))));
    v[`apply.carried_forward.${col}`] = forward;
    v[`apply.carried_over.${col}`] = over;
    v[`apply.new.${col}`] = total + forward - over;
  }
  for (const r of rows) {
    v[`apply.${r.key}.total`] = APPLICANT_PARTS.reduce((s, c) => s + v[`apply.${r.key}.${c}`], 0);
  }
  // Section 四.
  for (const block of REVIEW_BLOCKS) {
    let s = 0;
    for (const c of REVIEW_COLUMNS) {
      if (c === 'total') continue;
      const x = count(rng, scale === 'big' ? 'medium' : scale, 0.6);
      v[`${block}.${c}`] = x;
      s += x;
    }
    v[`${block}.total`] = s;
  }
  // Every key present, nothing extra.
  for (const k of KEYS[edition]) if (!(k.key in v)) throw new Error(`generator forgot ${k.key}`);
  return v;
}

export function randomModelCore(seed: number, opts: { edition?: Edition; scale?: Scale } = {}): ModelCore & { scale: Scale } {
  const rng = makeRng(seed).fork(1);
  const edition: Edition = opts.edition ?? (rng.chance(0.5) ? '2019' : '2021');
  const year = edition === '2019' ? rng.int(2019, 2020) : rng.int(2021, 2025);
  const agency = randomAgency(rng);
  const scale: Scale = opts.scale ?? rng.pick<Scale>(['zeros', 'small', 'small', 'medium', 'medium', 'big']);
  return { edition, agency, year, values: randomValues(rng, edition, scale), scale };
}

// ---------------------------------------------------------------------------------------------
// Independent evaluator of SPEC §4

export interface Identity {
  id: string;
  lhs: string[];
  rhs: string[];
}

const IDENTITY_CACHE = new Map<Edition, Identity[]>();

/** The hard identities of SPEC §4 for one edition (ids as in the spec). */
export function identities(edition: Edition): Identity[] {
  const cached = IDENTITY_CACHE.get(edition);
  if (cached) return cached;
  const out: Identity[] = [];
  const rows = APPLY_ROWS[edition];
  for (const r of rows) {
    out.push({ id: `apply.row.${r.key}`, lhs: APPLICANT_PARTS.map((c) => `apply.${r.key}.${c}`), rhs: [`apply.${r.key}.total`] });
  }
  for (const c of APPLICANT_COLUMNS) {
    out.push({
      id: `apply.results.${c}`,
      lhs: rows.filter((r) => r.leaf).map((r) => `apply.${r.key}.${c}`),
      rhs: [`apply.result.total.${c}`],
    });
  }
  for (const c of APPLICANT_COLUMNS) {
    out.push({
      id: `apply.balance.${c}`,
      lhs: [`apply.new.${c}`, `apply.carried_over.${c}`],
      rhs: [`apply.result.total.${c}`, `apply.carried_forward.${c}`],
    });
  }
  for (const b of REVIEW_BLOCKS) {
    out.push({ id: `${b}.sum`, lhs: REVIEW_COLUMNS.filter((c) => c !== 'total').map((c) => `${b}.${c}`), rhs: [`${b}.total`] });
  }
  IDENTITY_CACHE.set(edition, out);
  return out;
}

/** Ids of the identities that do not hold for these values. */
export function failingIdentities(edition: Edition, values: Values): string[] {
  const sum = (keys: string[]) =>
    keys.reduce((s, k) => {
      const x = values[k];
      if (typeof x !== 'number') throw new Error(`no value for ${k}`);
      return s + x;
    }, 0);
  return identities(edition)
    .filter((i) => Math.abs(sum(i.lhs) - sum(i.rhs)) > 1e-9)
    .map((i) => i.id);
}

/** Keys that are the total side of an identity, with the parts they total. */
export function totalsOf(edition: Edition): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const i of identities(edition)) {
    if (i.id.startsWith('apply.balance.')) continue; // 一+二 = 三+四 is a balance, not a total
    for (const t of i.rhs) m.set(t, [...(m.get(t) ?? []), ...i.lhs]);
  }
  return m;
}

import type { OverlayLang } from './overlay';

/**
 * Every error message a person can see (import, save, toolbar title), in the two UI languages — the one
 * place they are worded. The background builds them in the language of the settings, so an English UI
 * never shows a Chinese error. `detail` is the browser's or the parser's own text, passed through.
 */
export interface ErrorWords {
  notJson: (detail: string) => string;
  noSchema: string;
  wrongSchema: (found: string, expected: string) => string;
  corrupt: (path: string, detail: string) => string;
  duplicate: (id: string) => string;
  /** appended when a failed import changed nothing */
  unchanged: string;
  importFailed: (detail: string) => string;
  notReport: string;
  quota: string;
  saveFailed: (name: string, detail: string) => string;
  brand: string;
  unknownAgency: string;
  yearSuffix: (year: string) => string;
  partlyUnchecked: string;
  checkThisPage: string;
  checkThisFile: string;
}

export const ERROR_WORDS: Record<OverlayLang, ErrorWords> = {
  zh_CN: {
    notJson: (d) => `文件已损坏：不是有效的 JSON（${d}）`,
    noSchema: '不是年报透镜导出的文件（缺少 schema 字段）',
    wrongSchema: (f, e) => `不是年报透镜导出的文件（schema 为 “${f}”，应为 “${e}”）`,
    corrupt: (p, d) => `文件已损坏：${p || '(根)'} — ${d}`,
    duplicate: (id) => `文件已损坏：报告 ${id} 出现了两次`,
    unchanged: '，未作任何更改',
    importFailed: (d) => `导入失败，未作任何更改：${d}`,
    notReport: '此页不是年报，无可保存的内容',
    quota: '保存失败：浏览器存储空间不足（QuotaExceededError）。已保存的记录未受影响；请导出后删除旧记录再试。',
    saveFailed: (n, d) => `保存失败：${n}${d ? ` — ${d}` : ''}。已保存的记录未受影响。`,
    brand: '年报透镜',
    unknownAgency: '未知机关',
    yearSuffix: (y) => `${y}年`,
    partlyUnchecked: '部分无法核验',
    checkThisPage: '用年报透镜检查此页',
    checkThisFile: '用年报透镜核验此文件（PDF/DOCX）',
  },
  en: {
    notJson: (d) => `The file is damaged: not valid JSON (${d})`,
    noSchema: 'Not a file exported by Nianbao Lens (no schema field)',
    wrongSchema: (f, e) => `Not a file exported by Nianbao Lens (schema is “${f}”, expected “${e}”)`,
    corrupt: (p, d) => `The file is damaged: ${p || '(root)'} — ${d}`,
    duplicate: (id) => `The file is damaged: report ${id} appears twice`,
    unchanged: '; nothing was changed',
    importFailed: (d) => `Import failed, nothing was changed: ${d}`,
    notReport: 'This page is not an annual report: nothing to save',
    quota:
      'Save failed: the browser’s storage is full (QuotaExceededError). Saved reports are untouched; export and delete old ones, then try again.',
    saveFailed: (n, d) => `Save failed: ${n}${d ? ` — ${d}` : ''}. Saved reports are untouched.`,
    brand: 'Nianbao Lens',
    unknownAgency: 'unknown agency',
    yearSuffix: (y) => y,
    partlyUnchecked: 'partly unchecked',
    checkThisPage: 'Check this page with Nianbao Lens',
    checkThisFile: 'Check this file with Nianbao Lens (PDF/DOCX)',
  },
};

export const errorWords = (lang: OverlayLang = 'zh_CN'): ErrorWords => ERROR_WORDS[lang] ?? ERROR_WORDS.zh_CN;

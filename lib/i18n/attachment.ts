import type { OverlayLang } from './overlay';

/**
 * The words of the attachment reader (SPEC §8): the line under a report page's summary that says where the
 * verdicts come from — the attached file — or why no file was read. Not in the content script: only the
 * attachment reader, injected into report pages without tables, carries them.
 */
export interface AttachmentText {
  reading: string;
  fromFile: string;
  noTablesInFile: (why: string) => string;
  notAReport: (why: string) => string;
  failed: (why: string) => string;
  unreadable: (ext: string) => string;
  ambiguous: (n: number) => string;
  offSite: (host: string) => string;
  none: string;
}

export const ATTACHMENT_TEXT: Record<OverlayLang, AttachmentText> = {
  zh_CN: {
    reading: '页面上没有表格，正在读取报告附件：',
    fromFile: '核验结果来自报告附件：',
    noTablesInFile: (why) => `报告附件中没有可读的表格（${why}）：`,
    notAReport: (why) => `附件不像是本报告（${why}），核验结果仍以页面为准：`,
    failed: (why) => `报告附件读取失败（${why}）：`,
    unreadable: (ext) => `报告附件是 .${ext} 文件，无法读取表格（请另存为 .docx 或 PDF）：`,
    ambiguous: (n) => `“附件”下有 ${n} 个文件，无法确定哪个是报告，未读取。`,
    offSite: (host) => `报告附件在其他网站上（${host}），未读取：`,
    none: '页面上没有表格，也没有找到报告附件（链接文字或文件名含“年报/年度报告/政府信息公开”，或“附件”下唯一的 PDF/DOCX）。',
  },
  en: {
    reading: 'No table on the page; reading the report’s attachment: ',
    fromFile: 'Verdicts from the report’s attachment: ',
    noTablesInFile: (why) => `No readable table in the report’s attachment (${why}): `,
    notAReport: (why) => `The attachment does not look like this report (${why}); the page’s verdict stands: `,
    failed: (why) => `Could not read the report’s attachment (${why}): `,
    unreadable: (ext) => `The report’s attachment is a .${ext} file, whose tables cannot be read (save it as .docx or PDF): `,
    ambiguous: (n) => `${n} files under “附件”; none is named as the report, so none was read.`,
    offSite: (host) => `The report’s attachment is on another site (${host}) and was not read: `,
    none: 'No table on the page and no report attachment found (a link or file name with 年报/年度报告/政府信息公开, or the only PDF/DOCX under 附件).',
  },
};

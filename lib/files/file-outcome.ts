/**
 * What a file reader returns (SPEC §8): the file's kind, a whole HTML document whose tables the HTML core
 * reads (null when nothing could be read), and notes in Chinese for the record (why nothing was read, what
 * was repaired). A reader never throws on bad input: it returns `html: null` with a note.
 */
export type FileKind = 'pdf' | 'docx' | 'doc';

export interface FileOutcome {
  kind: FileKind;
  html: string | null;
  notes: string[];
}

/** The notes a reader writes, one place for their wording (tests match them). */
export const FILE_NOTES = {
  doc: '旧版 Word/WPS 文件（.doc/.wps）无法读取表格：请另存为 .docx 或 PDF',
  docIsHtml: '该 .doc 文件实为网页（HTML，网站“导出为 Word”的常见形式），按网页读取',
  corruptZip: 'DOCX 文件已损坏或不完整（zip 结构无法读取），未读取任何数值',
  notDocx: '该文件是 zip 压缩包但不是 Word 文档（缺少 word/document.xml），未读取任何数值',
  tooLarge: (mb: number) => `DOCX 文件解压后过大（声明约 ${mb} MB，上限 50 MB），为安全起见未读取`,
  sizeLie: (part: string) => `DOCX 文件的 ${part.slice(0, 100)} 解压后与其声明的大小不符（损坏或压缩炸弹），未读取`,
  unreadable: (why: string) => `DOCX 文件无法解析：${why}`,
  noTables: 'DOCX 文件中没有表格',
  mergeDoubt: 'DOCX 表格中有无法识别的结构，合并单元格可能不准确',
  notRead: '此类文件尚不能读取',
  notAFile: '该文件不是 PDF 或 Word（.docx）文件（可能是网页或其他格式），未读取任何数值',
} as const;

/** A whole HTML document around a body, with the title the core reads first. */
export function htmlDocument(title: string, body: string): string {
  const esc = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc}</title></head><body>${body}</body></html>`;
}

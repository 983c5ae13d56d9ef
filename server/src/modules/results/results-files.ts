// Report and evidence files (UPLOAD_DIR/reports and UPLOAD_DIR/landing-evidence) through the shared upload store.
import { createUploadStore, MIME } from '../../lib/upload-store.ts';

export type { FileDownload, StoredFile } from '../../lib/upload-store.ts';

const REPORT_TYPES: Record<string, string> = { '.pdf': MIME.pdf, '.docx': MIME.docx };
const EVIDENCE_TYPES: Record<string, string> = {
  ...REPORT_TYPES,
  '.doc': MIME.doc,
  '.xlsx': MIME.xlsx,
  '.jpg': MIME.jpeg,
  '.jpeg': MIME.jpeg,
  '.png': MIME.png,
};

export function createResultsFileStore(uploadDir: string, maxBytes: number) {
  const stores = {
    reports: createUploadStore({ uploadDir, folder: 'reports', types: REPORT_TYPES, maxBytes, typeMessage: '调研报告只能上传 Word（.docx）或 PDF 文件' }),
    evidence: createUploadStore({
      uploadDir,
      folder: 'landing-evidence',
      types: EVIDENCE_TYPES,
      maxBytes,
      typeMessage: '佐证材料只能是 PDF、Word、Excel 或图片',
    }),
  };
  type Kind = keyof typeof stores;
  return {
    save: (kind: Kind, fileName: string, file: NodeJS.ReadableStream) => stores[kind].save(fileName, file),
    download: (kind: Kind, row: Parameters<(typeof stores)[Kind]['download']>[0]) => stores[kind].download(row),
    remove: (kind: Kind, stored: string | null) => stores[kind].remove(stored),
  };
}
export type ResultsFileStore = ReturnType<typeof createResultsFileStore>;

// Milestone documents (开题报告、中期报告、结题报告…) under UPLOAD_DIR/milestones, through the shared upload store.
import { createUploadStore, MIME } from '../../lib/upload-store.ts';

export const SUBMISSION_TYPES: Record<string, string> = { '.pdf': MIME.pdf, '.docx': MIME.docx, '.xlsx': MIME.xlsx, '.pptx': MIME.pptx };
export const SUBMISSION_MAX_BYTES = 20 * 1_048_576;

export const createSubmissionStore = (uploadDir: string) =>
  createUploadStore({
    uploadDir,
    folder: 'milestones',
    types: SUBMISSION_TYPES,
    maxBytes: SUBMISSION_MAX_BYTES,
    typeMessage: '只能上传 Word（docx）、PDF、Excel（xlsx）或 PPT（pptx）文件',
  });

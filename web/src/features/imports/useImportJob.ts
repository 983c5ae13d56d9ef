// Import job lifecycle: upload (with progress) → poll while parsing → commit → poll while committing.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportJob, ImportStatus } from '@duibiao/contracts';
import { ApiError } from '../../api/client.ts';
import { commitImport, getImport, startImport } from './api.ts';

const POLL_MS = 500;
const RUNNING: readonly ImportStatus[] = ['parsing', 'committing'];
export const isRunning = (job: ImportJob | null): boolean => job !== null && RUNNING.includes(job.status);

export interface ImportJobState {
  job: ImportJob | null;
  /** 0..1 while the file is being sent, null otherwise. */
  uploadProgress: number | null;
  error: string | null;
  upload: (orgId: number, file: File) => Promise<void>;
  commit: () => Promise<void>;
  reset: () => void;
}

/** `initialId` resumes a job (from the URL); `onJobId` lets the page record the id in the URL. */
export function useImportJob(initialId: string | null, onJobId: (id: string | null) => void): ImportJobState {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [uploadProgress, setUploadProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const onJobIdRef = useRef(onJobId);
  useEffect(() => {
    onJobIdRef.current = onJobId;
  });

  const fail = (e: unknown) => {
    if (e instanceof DOMException && e.name === 'AbortError') return;
    setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
  };

  // Poll while the server is working on the job.
  useEffect(() => {
    if (!job || !isRunning(job)) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      getImport(job.id, controller.signal).then((next) => {
        if (!controller.signal.aborted) setJob(next);
      }, fail);
    }, POLL_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [job]);

  // Resume a job named in the URL (e.g. after a reload).
  useEffect(() => {
    if (!initialId || job) return;
    const controller = new AbortController();
    getImport(initialId, controller.signal).then(setJob, (e: unknown) => {
      fail(e);
      onJobIdRef.current(null);
    });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on first render
  }, []);

  useEffect(() => () => abortRef.current?.abort(), []);

  const upload = useCallback(async (orgId: number, file: File) => {
    setError(null);
    setUploadProgress(0);
    abortRef.current = new AbortController();
    try {
      const started = await startImport(orgId, file, setUploadProgress, abortRef.current.signal);
      setJob(started);
      onJobIdRef.current(started.id);
    } catch (e) {
      fail(e);
    } finally {
      setUploadProgress(null);
    }
  }, []);

  const commit = useCallback(async () => {
    if (!job) return;
    setError(null);
    try {
      setJob(await commitImport(job.id));
    } catch (e) {
      fail(e);
    }
  }, [job]);

  const reset = useCallback(() => {
    abortRef.current?.abort();
    setJob(null);
    setError(null);
    setUploadProgress(null);
    onJobIdRef.current(null);
  }, []);

  return { job, uploadProgress, error, upload, commit, reset };
}

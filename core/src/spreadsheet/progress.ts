// Throttles progress callbacks to roughly one per percent.

/** Returns a reporter taking (done, total); it calls `onProgress` only when the fraction grew by ≥ 1%. */
export function progressReporter(onProgress: ((fraction: number) => void) | undefined): {
  update(done: number, total: number): void;
  finish(): void;
} {
  let last = 0;
  return {
    update(done, total) {
      if (!onProgress || total <= 0) return;
      const fraction = Math.min(1, done / total);
      // The final 1 is left to finish() so consumers see it exactly once.
      if (fraction - last >= 0.01 && fraction < 1) {
        last = fraction;
        onProgress(fraction);
      }
    },
    finish() {
      onProgress?.(1);
    },
  };
}

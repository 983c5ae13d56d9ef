// Test-only: temp files, reading everything, and counting open file descriptors.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheetRows } from './read-sheet-rows.ts';
import type { ReadSheetOptions, SheetRow } from './sheet-row.ts';

/** A fresh temp folder with helpers; call `cleanup()` in afterAll. */
export function tempFolder(prefix: string): { path(name: string): string; write(name: string, data: string | Buffer): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `duibiao-${prefix}-`));
  return {
    path: (name) => join(dir, name),
    write(name, data) {
      const file = join(dir, name);
      writeFileSync(file, data);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Reads every row of a file. */
export async function readAll(filePath: string, options?: ReadSheetOptions): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readSheetRows(filePath, options)) rows.push(row);
  return rows;
}

/** Open file descriptors of this process (Linux), to prove handles are closed. */
export function openFdCount(): number {
  return readdirSync('/proc/self/fd').length;
}

/** Lets pending closes (which yauzl and fs do asynchronously) complete. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

// Finds the first worksheet and the shared-strings part of an xlsx package via its relationship files.
import type { Entry } from 'yauzl';
import { SpreadsheetError } from './spreadsheet-error.ts';
import { parseEntryXml } from './xml-text.ts';
import type { ZipArchive } from './zip-archive.ts';

/** Zip entries of the parts the reader needs. */
export type WorkbookParts = {
  sheet: Entry;
  sharedStrings: Entry | undefined;
};

type Relationship = { id: string; type: string; target: string; external: boolean };

const NOT_A_WORKBOOK = '文件不是有效的 Excel 工作簿（.xlsx），请用 Excel 另存为 .xlsx 或 .csv 后再导入';

/** Locates the first worksheet (by workbook order) and the shared strings, if any. */
export async function locateWorkbookParts(archive: ZipArchive, signal?: AbortSignal): Promise<WorkbookParts> {
  const workbookPath = (await findOfficeDocument(archive, signal)) ?? 'xl/workbook.xml';
  const workbook = archive.entries.get(workbookPath.toLowerCase());
  if (!workbook) throw new SpreadsheetError('UNSUPPORTED_FILE', NOT_A_WORKBOOK);

  const relsEntry = archive.entries.get(relsPathOf(workbookPath).toLowerCase());
  const rels = relsEntry ? await readRelationships(archive, relsEntry, signal) : [];
  const sheetIds = await readSheetRelationshipIds(archive, workbook, signal);
  if (sheetIds.length === 0) throw new SpreadsheetError('UNSUPPORTED_FILE', 'Excel 文件中没有工作表');

  const baseDir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const relById = new Map(rels.map((rel) => [rel.id, rel]));
  // Chart sheets and dialog sheets hold no cells: the first *worksheet* is the one wanted.
  const sheetRel = sheetIds.map((id) => relById.get(id)).find((rel) => rel && !rel.external && rel.type.endsWith('/worksheet'));
  const sheetPath = sheetRel ? resolveTarget(baseDir, sheetRel.target) : undefined;
  const sheet = sheetPath === undefined ? undefined : archive.entries.get(sheetPath.toLowerCase());
  if (!sheet) throw new SpreadsheetError('BROKEN_FILE', '文件已损坏：找不到第一个工作表的内容');

  const stringsRel = rels.find((rel) => !rel.external && rel.type.endsWith('/sharedStrings'));
  const stringsPath = stringsRel ? resolveTarget(baseDir, stringsRel.target) : `${baseDir}sharedStrings.xml`;
  return { sheet, sharedStrings: archive.entries.get(stringsPath.toLowerCase()) };
}

/** The workbook part named by the package's root relationships (`_rels/.rels`), when present. */
async function findOfficeDocument(archive: ZipArchive, signal?: AbortSignal): Promise<string | undefined> {
  const rootRels = archive.entries.get('_rels/.rels');
  if (!rootRels) return undefined;
  const rels = await readRelationships(archive, rootRels, signal);
  const office = rels.find((rel) => !rel.external && rel.type.endsWith('/officeDocument'));
  return office ? resolveTarget('', office.target) : undefined;
}

async function readRelationships(archive: ZipArchive, entry: Entry, signal?: AbortSignal): Promise<Relationship[]> {
  const rels: Relationship[] = [];
  await parseEntryXml(
    archive.zip,
    entry,
    {
      open(name, attrs) {
        if (name !== 'Relationship' || attrs.Id === undefined || attrs.Target === undefined) return;
        rels.push({ id: attrs.Id, type: attrs.Type ?? '', target: attrs.Target, external: attrs.TargetMode === 'External' });
      },
    },
    signal,
  );
  return rels;
}

/** Relationship ids of `<sheets><sheet r:id="…">` in workbook order. */
async function readSheetRelationshipIds(archive: ZipArchive, workbook: Entry, signal?: AbortSignal): Promise<string[]> {
  const ids: string[] = [];
  await parseEntryXml(
    archive.zip,
    workbook,
    {
      open(name, attrs) {
        if (name !== 'sheet') return;
        // The relationships namespace prefix is usually `r:` but any prefix is legal.
        const key = Object.keys(attrs).find((attr) => attr.endsWith(':id'));
        if (key) ids.push(attrs[key]!);
      },
    },
    signal,
  );
  return ids;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the source part's folder: absolute (`/xl/…`) or relative (`../…`). */
export function resolveTarget(baseDir: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : baseDir + target;
  const parts: string[] = [];
  for (const part of joined.replaceAll('\\', '/').split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

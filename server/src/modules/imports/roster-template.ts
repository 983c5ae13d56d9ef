// The import template: the headers the importer reads, with one example row.
import { writeXlsx, type XlsxColumn } from '../../lib/xlsx-writer.ts';

const EXAMPLE: Record<string, string> = {
  序号: '1',
  姓名: '张三',
  性别: '男',
  出生年月: '1988.05',
  民族: '汉族',
  政治面貌: '中共党员',
  身份证号: '370202198805120013',
  手机: '13800000000',
  工作单位: '（填写系统中已有的单位名称）',
  职务: '科员',
  职级: '一级主任科员及以下',
  学历: '大学本科',
  专业特长: '经济管理、招商引资',
  参加工作时间: '2010.07',
};
const COLUMNS: XlsxColumn<Record<string, string>>[] = Object.keys(EXAMPLE).map((h) => ({
  header: h,
  width: h === '身份证号' || h === '工作单位' ? 26 : 14,
  value: (r) => r[h] ?? '',
}));

export const writeRosterTemplate = (out: NodeJS.WritableStream): Promise<void> => writeXlsx(out, '干部名册', COLUMNS, [EXAMPLE]);

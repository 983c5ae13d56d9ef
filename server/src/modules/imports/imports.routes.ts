// /api/v1/cadres/imports — roster upload, dry run, commit; and the template download.
import { importJobParamSchema, importJobSchema } from '@duibiao/contracts';
import { actorOf } from '../../http/auth-hooks.ts';
import { sendDownload, XLSX_TYPE } from '../../http/download.ts';
import { invalid } from '../../http/errors.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['imports'];

export const importRoutes: RoutesPlugin = (app, { imports }) => {
  app.post(
    '/api/v1/cadres/imports',
    { schema: { tags, summary: '上传名册并校验（multipart：orgId，然后 file）', consumes: ['multipart/form-data'], response: { 202: importJobSchema } } },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw invalid([{ field: 'file', message: '请以 multipart/form-data 上传文件' }]);
      let orgId: number | undefined;
      for await (const part of req.parts()) {
        if (part.type === 'field' && part.fieldname === 'orgId') {
          orgId = Number(part.value);
          if (!Number.isInteger(orgId) || orgId <= 0) throw invalid([{ field: 'orgId', message: '应为正整数' }]);
        } else if (part.type === 'file') {
          const job = await imports.start(actor, orgId, part.filename, part.file);
          return reply.status(202).send(job);
        }
      }
      throw invalid([{ field: 'file', message: '请选择要上传的文件' }]);
    },
  );

  app.get('/api/v1/cadres/imports/:id', { schema: { tags, params: importJobParamSchema, response: { 200: importJobSchema } } }, (req) =>
    imports.get(actorOf(req), req.params.id),
  );

  app.get('/api/v1/cadres/imports/:id/errors', { schema: { tags, summary: '下载全部问题（Excel）', params: importJobParamSchema } }, async (req, reply) =>
    sendDownload(reply, '导入问题清单.xlsx', XLSX_TYPE, await imports.errorsXlsx(actorOf(req), req.params.id)),
  );

  app.post(
    '/api/v1/cadres/imports/:id/commit',
    { schema: { tags, summary: '提交导入（全部成功或全部不写入）', params: importJobParamSchema, response: { 202: importJobSchema } } },
    async (req, reply) => reply.status(202).send(await imports.commit(actorOf(req), req.params.id)),
  );

  app.get('/api/v1/cadres/import-template', { schema: { tags, summary: '下载导入模板' } }, (req, reply) =>
    sendDownload(reply, '干部名册导入模板.xlsx', XLSX_TYPE, imports.template(actorOf(req))),
  );
};

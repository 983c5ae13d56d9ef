// /api/v1 routes of the close-out module: assessments, certificates (+ public verification), documents, dashboards.
import {
  assessmentListSchema,
  certificateSchema,
  certificateVerificationSchema,
  idParamSchema,
  issueCertificatesResultSchema,
  orgDashboardQuerySchema,
  orgDashboardSchema,
  programDashboardSchema,
  revokeCertificateSchema,
  saveAssessmentsSchema,
  verifyCodeParamSchema,
} from '@duibiao/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { DOCUMENT_KINDS } from './documents.ts';

const tags = ['closeout'];

/** A whole file in one response, with a UTF-8 file name and an ASCII fallback. */
function sendFile(reply: FastifyReply, fileName: string, contentType: string, body: Buffer, fallback: string): FastifyReply {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** Where this server is reached from, for the verification URL printed on a certificate. */
const originOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

export const closeoutRoutes: RoutesPlugin = (app, { closeout }) => {
  app.get(
    '/api/v1/programs/:id/assessments',
    { schema: { tags, summary: '结业考核：学员出勤、学时、请假与建议结果', params: idParamSchema, response: { 200: assessmentListSchema } } },
    (req) => closeout.listAssessments(actorOf(req), req.params.id),
  );

  app.put(
    '/api/v1/programs/:id/assessments',
    {
      schema: {
        tags,
        summary: '保存结业考核结果（不合格须填原因；全部成功或全部不写）',
        params: idParamSchema,
        body: saveAssessmentsSchema,
        response: { 200: assessmentListSchema },
      },
    },
    (req) => closeout.saveAssessments(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/programs/:id/certificates',
    { schema: { tags, summary: '本项目已颁发的结业证书', params: idParamSchema, response: { 200: z.array(certificateSchema) } } },
    (req) => closeout.listCertificates(actorOf(req), req.params.id),
  );

  app.post(
    '/api/v1/programs/:id/certificates',
    {
      schema: {
        tags,
        summary: '为考核合格、优秀且尚无证书的学员颁发结业证书（可重复调用）',
        params: idParamSchema,
        response: { 200: issueCertificatesResultSchema },
      },
    },
    (req) => closeout.issueCertificates(actorOf(req), req.params.id),
  );

  app.get('/api/v1/certificates/:id.pdf', { schema: { tags, summary: '结业证书 PDF', params: idParamSchema } }, async (req, reply) => {
    const { fileName, pdf } = await closeout.certificatePdf(actorOf(req), req.params.id, originOf(req));
    return sendFile(reply, fileName, 'application/pdf', pdf, 'certificate.pdf');
  });

  app.post(
    '/api/v1/certificates/:id/revoke',
    { schema: { tags, summary: '撤销结业证书', params: idParamSchema, body: revokeCertificateSchema, response: { 200: certificateSchema } } },
    (req) => closeout.revokeCertificate(actorOf(req), req.params.id, req.body.reason),
  );

  app.get('/api/v1/me/certificates', { schema: { tags: ['me'], summary: '我的结业证书', response: { 200: z.array(certificateSchema) } } }, (req) =>
    closeout.myCertificates(actorOf(req)),
  );

  app.get('/api/v1/me/certificates/:id.pdf', { schema: { tags: ['me'], summary: '下载我的结业证书 PDF', params: idParamSchema } }, async (req, reply) => {
    const { fileName, pdf } = await closeout.myCertificatePdf(actorOf(req), req.params.id, originOf(req));
    return sendFile(reply, fileName, 'application/pdf', pdf, 'certificate.pdf');
  });

  app.get(
    '/api/v1/public/certificates/:code',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '结业证书真伪核验（公开，无需登录）',
        security: [],
        params: verifyCodeParamSchema,
        response: { 200: certificateVerificationSchema },
      },
    },
    (req) => closeout.verifyCertificate(req.params.code),
  );

  app.get(
    '/api/v1/programs/:id/documents/:file',
    {
      schema: {
        tags,
        summary: '结业材料：学员名册（docx/xlsx）、签到表（docx）、学时汇总（xlsx）',
        params: idParamSchema.extend({ file: z.enum(DOCUMENT_KINDS) }),
      },
    },
    async (req, reply) => {
      const doc = await closeout.programDocument(actorOf(req), req.params.id, req.params.file);
      return sendFile(reply, doc.fileName, doc.contentType, doc.body, req.params.file);
    },
  );

  app.get(
    '/api/v1/programs/:id/dashboard',
    { schema: { tags, summary: '项目看板：出勤、课程结构、评估、请假、学时', params: idParamSchema, response: { 200: programDashboardSchema } } },
    (req) => closeout.programDashboard(actorOf(req), req.params.id),
  );

  app.get(
    '/api/v1/dashboard/programs',
    {
      schema: { tags, summary: '组织部看板：项目、学员、学时达标（本级及下级）', querystring: orgDashboardQuerySchema, response: { 200: orgDashboardSchema } },
    },
    (req) => closeout.orgDashboard(actorOf(req), req.query),
  );
};

// Use-cases of certificates of completion (结业证书): issue to every trainee assessed pass/excellent, PDF download for
// managers and for the holder, revocation, and the public verification by the unguessable code on the QR.
import { randomBytes } from 'node:crypto';
import type { Assessment, Certificate, CertificateVerification, IssueCertificatesResult } from '@duibiao/contracts';
import { earnsCertificate } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { isUniqueViolation, nowIso } from '../../db/dialect.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { programInScope } from '../programs/program-access.ts';
import { formatSerial, maskName, verifyPath } from './assessment.rules.ts';
import { loadStanding } from './assessments.ts';
import { beijingDate, renderCertificatePdf } from './certificate-pdf.ts';
import {
  findCertificate,
  findCertificateByCode,
  insertCertificate,
  listCadreCertificates,
  listProgramCertificates,
  maxSerialNumber,
  programLedger,
  revokeCertificate,
  type CertificateRow,
} from './closeout.repo.ts';

/** 18 random bytes = 144 bits, 24 url-safe characters: unguessable, so the public page needs no sign-in. */
const newVerifyCode = () => randomBytes(18).toString('base64url');

function present(row: CertificateRow): Certificate {
  return {
    id: row.id,
    enrolmentId: row.enrolment_id,
    programId: row.program_id,
    programName: row.program_name,
    name: row.name,
    serial: row.serial,
    result: (row.assessment ?? 'pass') as Assessment,
    issuedAt: row.issued_at,
    revokedAt: row.revoked_at,
    revokedReason: row.revoked_reason,
    verifyPath: verifyPath(row.verify_code),
  };
}

/** Concurrent issuers collide on a serial or an enrolment; every round commits at least one, so a few rounds settle it. */
const MAX_ATTEMPTS = 8;

export function createCertificateService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  /** A certificate whose program is in the actor's scope, else NOT_FOUND. */
  async function certificateInScope(actor: Actor, id: number): Promise<CertificateRow> {
    const row = await findCertificate(read, id);
    if (!row) throw notFound('结业证书');
    try {
      await programInScope(read, actor, row.program_id);
    } catch {
      throw notFound('结业证书');
    }
    return row;
  }

  /**
   * The hours printed on a certificate: the ledger's credit. A program whose ledger was never computed (no rows for
   * anyone) would print 0, so it falls back to the credited hours of the sessions attended.
   */
  async function certificateHours(row: CertificateRow): Promise<number> {
    const ledger = await programLedger(read, row.program_id);
    if (ledger.size > 0) return ledger.get(row.cadre_id)?.hours ?? 0;
    return (await loadStanding(read, row.program_id)).rows.find((r) => r.enrolmentId === row.enrolment_id)?.attendedHours ?? 0;
  }

  async function pdfOf(row: CertificateRow, origin: string): Promise<{ fileName: string; pdf: Buffer }> {
    const hours = await certificateHours(row);
    const pdf = await renderCertificatePdf({
      name: row.name,
      programName: row.program_name,
      organizer: row.organizer_name,
      startDate: row.start_date,
      endDate: row.end_date,
      hours,
      result: (row.assessment ?? 'pass') as Assessment,
      serial: row.serial,
      issuedAt: row.issued_at,
      verifyUrl: `${origin}${verifyPath(row.verify_code)}`,
      revoked: row.revoked_at !== null,
    });
    return { fileName: `结业证书_${row.serial}_${row.name}.pdf`, pdf };
  }

  /** One attempt at issuing; a concurrent issuer taking the same serial or enrolment makes it throw a unique violation. */
  async function issueOnce(actor: Actor, programId: number, organizerPath: string, programName: string): Promise<IssueCertificatesResult> {
    return db.transaction().execute(async (trx) => {
      const enrolments = await trx
        .selectFrom('enrolments as e')
        .leftJoin('certificates as cert', 'cert.enrolment_id', 'e.id')
        .select(['e.id', 'e.assessment', 'e.status', 'cert.id as cert_id'])
        .where('e.program_id', '=', programId)
        .orderBy('e.id')
        .execute();
      const eligible = enrolments.filter((e) => e.status !== 'withdrawn' && earnsCertificate(e.assessment as Assessment | null));
      const todo = eligible.filter((e) => e.cert_id === null);
      const at = nowIso();
      const year = Number(beijingDate(at).slice(0, 4));
      let n = await maxSerialNumber(trx, year);
      const ids: number[] = [];
      for (const e of todo) {
        const { id } = await insertCertificate(trx, { enrolment_id: e.id, serial: formatSerial(year, ++n), verify_code: newVerifyCode(), issued_at: at });
        ids.push(id);
      }
      if (ids.length > 0) {
        await recordAudit(trx, actor, {
          action: 'certificate.issue',
          entityType: 'program',
          entityId: programId,
          scopePath: organizerPath,
          summary: `为「${programName}」颁发结业证书 ${ids.length} 份`,
          after: { certificateIds: ids, serials: [formatSerial(year, n - ids.length + 1), formatSerial(year, n)] },
        });
      }
      const issued = await Promise.all(ids.map(async (id) => present((await findCertificate(trx, id))!)));
      return { issued, alreadyIssued: eligible.length - todo.length, notEligible: enrolments.length - eligible.length };
    });
  }

  return {
    async listCertificates(actor: Actor, programId: number): Promise<Certificate[]> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      return (await listProgramCertificates(read, programId)).map(present);
    },

    /** Idempotent: trainees who already hold a certificate are skipped, so a repeat call issues nothing new. */
    async issueCertificates(actor: Actor, programId: number): Promise<IssueCertificatesResult> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      for (let attempt = 1; ; attempt++) {
        try {
          return await issueOnce(actor, programId, program.organizer_path, program.name);
        } catch (error) {
          if (!isUniqueViolation(error) || attempt === MAX_ATTEMPTS) throw error;
        }
      }
    },

    async revokeCertificate(actor: Actor, id: number, reason: string): Promise<Certificate> {
      requirePermission(actor, 'program:write');
      const row = await certificateInScope(actor, id);
      if (row.revoked_at) throw conflict('该证书已撤销');
      await db.transaction().execute(async (trx) => {
        const result = await revokeCertificate(trx, id, nowIso(), reason);
        if (Number(result.numUpdatedRows) === 0) throw conflict('该证书已撤销');
        await recordAudit(trx, actor, {
          action: 'certificate.revoke',
          entityType: 'certificate',
          entityId: id,
          scopePath: row.organizer_path,
          summary: `撤销 ${row.name} 的结业证书 ${row.serial}`,
          after: { reason },
        });
      });
      return present((await findCertificate(db, id))!);
    },

    async certificatePdf(actor: Actor, id: number, origin: string) {
      requirePermission(actor, 'program:read');
      return pdfOf(await certificateInScope(actor, id), origin);
    },

    /** The signed-in trainee's own certificates; the cadre comes from the session, never the request. */
    async myCertificates(actor: Actor): Promise<Certificate[]> {
      if (actor.cadreId === null) return [];
      return (await listCadreCertificates(read, actor.cadreId)).map(present);
    },

    async myCertificatePdf(actor: Actor, id: number, origin: string) {
      const row = await findCertificate(read, id);
      if (!row || actor.cadreId === null || row.cadre_id !== actor.cadreId) throw notFound('结业证书');
      return pdfOf(row, origin);
    },

    /** Public: anyone holding the code (from the QR) may check the certificate. Unknown codes answer 404. */
    async verifyCertificate(code: string): Promise<CertificateVerification> {
      const row = await findCertificateByCode(read, code);
      if (!row) throw notFound('证书');
      const hours = await certificateHours(row);
      return {
        valid: row.revoked_at === null && earnsCertificate(row.assessment as Assessment | null),
        revoked: row.revoked_at !== null,
        revokedAt: row.revoked_at,
        name: maskName(row.name),
        program: row.program_name,
        startDate: row.start_date,
        endDate: row.end_date,
        hours,
        result: (row.assessment ?? 'pass') as Assessment,
        serial: row.serial,
        issuedAt: row.issued_at,
        organizer: row.organizer_name,
      };
    },
  };
}

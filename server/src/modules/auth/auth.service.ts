// Sign-in, sessions, lockout and password changes.
import { createHash, randomBytes } from 'node:crypto';
import type { Me, Role, SessionResponse } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso, toBool } from '../../db/dialect.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from './actor.ts';
import { createAuthRepo, type SessionUserRow } from './auth.repo.ts';
import { hashPassword, verifyPassword } from './password-hasher.ts';
import { passwordProblems } from './password.rules.ts';
import { PERMISSIONS_BY_ROLE } from './permissions.ts';

const TOUCH_INTERVAL_MS = 60_000; // refresh last-seen at most once a minute: no write per request

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface Authenticated {
  actor: Actor;
  csrfToken: string;
}

export function createAuthService(ctx: AppContext) {
  const repo = createAuthRepo(ctx.db);
  const idleMs = ctx.config.SESSION_IDLE_MINUTES * 60_000;

  const toActor = (row: SessionUserRow, meta: RequestMeta): Actor => ({
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    orgId: row.org_id,
    orgName: row.org_name,
    scopePath: row.org_path,
    cadreId: row.cadre_id,
    ip: meta.ip,
    requestId: meta.requestId,
  });

  const meOf = (actor: Actor): Me => ({
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    org: { id: actor.orgId, name: actor.orgName, path: actor.scopePath },
    cadreId: actor.cadreId,
    permissions: [...PERMISSIONS_BY_ROLE[actor.role]],
  });

  return {
    /** Resolves a session cookie to an actor; undefined when missing, expired or the user is disabled. */
    async authenticate(token: string | undefined, meta: RequestMeta): Promise<Authenticated | undefined> {
      if (!token || token.length > 200) return undefined;
      const id = hashToken(token);
      const row = await repo.findSessionUser(id);
      if (!row || !toBool(row.is_active)) return undefined;
      const now = Date.now();
      const lastSeen = Date.parse(row.last_seen_at);
      if (now - lastSeen > idleMs) {
        await repo.deleteSession(id);
        return undefined;
      }
      if (now - lastSeen > TOUCH_INTERVAL_MS) await repo.touchSession(id, new Date(now).toISOString());
      return { actor: toActor(row, meta), csrfToken: row.csrf_token };
    },

    async login(username: string, password: string, meta: RequestMeta): Promise<{ token: string; session: SessionResponse }> {
      const user = await repo.findUserByUsername(username);
      const now = new Date();
      if (user?.locked_until && Date.parse(user.locked_until) > now.getTime()) {
        const minutes = Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000);
        throw new AppError('ACCOUNT_LOCKED', `密码错误次数过多，账号已锁定，请${minutes}分钟后再试`);
      }
      const ok = await verifyPassword(user?.password_hash, password);
      if (!user || !ok || !toBool(user.is_active)) {
        if (user) {
          const failures = user.failed_logins + 1;
          const locks = failures >= ctx.config.LOGIN_MAX_FAILURES;
          const lockedUntil = locks ? new Date(now.getTime() + ctx.config.LOCKOUT_MINUTES * 60_000).toISOString() : null;
          await repo.recordFailure(user.id, locks ? 0 : failures, lockedUntil);
          if (locks) throw new AppError('ACCOUNT_LOCKED', `密码错误次数过多，账号已锁定${ctx.config.LOCKOUT_MINUTES}分钟`);
        }
        throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
      }
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const at = now.toISOString();
      await repo.recordSuccess(user.id, at);
      await repo.createSession({
        id: hashToken(token),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: at,
        last_seen_at: at,
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      });
      const authenticated = await this.authenticate(token, meta);
      if (!authenticated) throw new AppError('INTERNAL', '会话创建失败');
      await ctx.db.kysely.transaction().execute((trx) =>
        recordAudit(trx, authenticated.actor, {
          action: 'auth.login',
          entityType: 'user',
          entityId: user.id,
          scopePath: authenticated.actor.scopePath,
          summary: `${user.display_name} 登录`,
        }),
      );
      return { token, session: { user: meOf(authenticated.actor), csrfToken } };
    },

    async logout(token: string | undefined): Promise<void> {
      if (token) await repo.deleteSession(hashToken(token));
    },

    session: (auth: Authenticated): SessionResponse => ({ user: meOf(auth.actor), csrfToken: auth.csrfToken }),

    async changePassword(actor: Actor, token: string, currentPassword: string, newPassword: string): Promise<void> {
      const user = await repo.findUserById(actor.userId);
      if (!user || !(await verifyPassword(user.password_hash, currentPassword))) {
        throw invalid([{ field: 'currentPassword', message: '当前密码不正确' }]);
      }
      const problems = passwordProblems(newPassword, user.username);
      if (problems.length) throw invalid(problems.map((message) => ({ field: 'newPassword', message })));
      await repo.setPasswordHash(user.id, await hashPassword(newPassword), nowIso());
      await repo.deleteUserSessions(user.id, hashToken(token)); // sign out every other device
      await ctx.db.kysely.transaction().execute((trx) =>
        recordAudit(trx, actor, {
          action: 'auth.password_changed',
          entityType: 'user',
          entityId: user.id,
          scopePath: actor.scopePath,
          summary: `${user.display_name} 修改密码`,
        }),
      );
    },

    purgeIdleSessions: () => repo.deleteIdleSessions(new Date(Date.now() - idleMs).toISOString()),
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

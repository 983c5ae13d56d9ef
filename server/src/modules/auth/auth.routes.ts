// /api/v1/auth — sign in and out, current session, password change.
import { changePasswordBodySchema, loginBodySchema, sessionResponseSchema } from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf, SESSION_COOKIE } from '../../http/auth-hooks.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['auth'];

export const authRoutes: RoutesPlugin = (app, { auth, config }) => {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict', secure: config.COOKIE_SECURE } as const;

  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true, rateLimit: { max: config.LOGIN_RATE_PER_MINUTE, timeWindow: 60_000 } },
      schema: { tags, summary: '登录', security: [], body: loginBodySchema, response: { 200: sessionResponseSchema } },
    },
    async (req, reply) => {
      const { token, session } = await auth.login(req.body.username, req.body.password, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        requestId: req.id,
      });
      return reply.setCookie(SESSION_COOKIE, token, cookieOptions).send(session);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { public: true }, schema: { tags, summary: '退出登录', security: [], response: { 204: z.null() } } },
    async (req, reply) => {
      await auth.logout(req.cookies[SESSION_COOKIE]);
      return reply.clearCookie(SESSION_COOKIE, cookieOptions).status(204).send(null);
    },
  );

  app.get('/api/v1/auth/me', { schema: { tags, summary: '当前用户与 CSRF 令牌', response: { 200: sessionResponseSchema } } }, (req) => auth.session(req.auth!));

  app.post(
    '/api/v1/auth/password',
    { schema: { tags, summary: '修改密码', body: changePasswordBodySchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await auth.changePassword(actorOf(req), req.cookies[SESSION_COOKIE] ?? '', req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );
};

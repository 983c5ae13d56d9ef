// Authentication for every /api route unless it is marked public, and CSRF on every authenticated write.
import { timingSafeEqual } from 'node:crypto';
import { CSRF_HEADER } from '@duibiao/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../modules/auth/actor.ts';
import type { Authenticated, AuthService } from '../modules/auth/auth.service.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'duibiao_sid';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, docs). */
    public?: boolean;
  }
  interface FastifyRequest {
    auth: Authenticated | null;
  }
}

/** The OpenAPI UI's own assets; the routes we declare mark themselves with `config.public`. */
export const isPublicPath = (url: string): boolean => url.startsWith('/api/docs');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function installAuthHooks(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || isPublicPath(request.url) || request.routeOptions.config.public) return;
    const authenticated = await auth.authenticate(request.cookies[SESSION_COOKIE], {
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      requestId: request.id,
    });
    if (!authenticated) throw new AppError('UNAUTHENTICATED', '未登录或会话已过期，请重新登录');
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !sameToken(header, authenticated.csrfToken)) {
        throw new AppError('CSRF_FAILED', '请求校验失败（CSRF），请刷新页面后重试');
      }
    }
    request.auth = authenticated;
  });
}

/** The actor of an authenticated route (the hook guarantees it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', '未登录或会话已过期，请重新登录');
  return request.auth.actor;
}

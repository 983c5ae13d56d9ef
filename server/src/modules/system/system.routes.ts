// /api/health, /api/v1/system/info — public facts about this instance.
import { systemInfoSchema } from '@duibiao/contracts';
import { z } from 'zod';
import type { RoutesPlugin } from '../../http/types.ts';
import { VERSION } from './system.service.ts';

export const systemRoutes: RoutesPlugin = (app, { system }) => {
  let demoMode: boolean | undefined;

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: '健康检查',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
      },
    },
    () => system.health(),
  );

  app.get('/api/v1/system/info', { config: { public: true }, schema: { tags: ['system'], security: [], response: { 200: systemInfoSchema } } }, async () => {
    demoMode ??= await system.hasDemoAccounts();
    return { demoMode, version: VERSION };
  });
};

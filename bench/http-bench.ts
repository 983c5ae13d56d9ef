// HTTP throughput and latency with autocannon against child-process servers.
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';

export interface HttpResult {
  name: string;
  requestsPerSec: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

export async function startServer(script: string, env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      const m = /LISTENING (\S+)/.exec(buffer);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
  return { url, child };
}

export async function measure(name: string, url: string, headers: Record<string, string> = {}, seconds = 10): Promise<HttpResult> {
  // Warm up (JIT, statement caches) before measuring.
  await autocannon({ url, connections: 10, duration: 2, headers });
  const r = await autocannon({ url, connections: 10, duration: seconds, headers });
  return { name, requestsPerSec: Math.round(r.requests.average), p99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

// Small API helpers for journeys: sign in over HTTP and call the API with the session cookie and CSRF header.
export interface ApiSession {
  cookie: string;
  csrf: string;
  get<T>(path: string): Promise<T>;
  send<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export async function apiAs(baseUrl: string, username: string, password = 'Duibiao@2026'): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    cookie,
    csrf,
    async get<T>(path: string) {
      const r = await fetch(`${baseUrl}/api/v1${path}`, { headers: { cookie } });
      if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
    async send<T>(method: string, path: string, body?: unknown) {
      const r = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}

/** Beijing date (YYYY-MM-DD) `days` from today. */
export const beijingDate = (days = 0): string => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** Id of the demo program with this code. */
export async function programId(api: ApiSession, code: string): Promise<number> {
  const page = await api.get<{ items: { id: number; code: string }[] }>(`/programs?q=${encodeURIComponent(code)}&pageSize=50`);
  const found = page.items.find((p) => p.code === code);
  if (!found) throw new Error(`no program ${code}`);
  return found.id;
}

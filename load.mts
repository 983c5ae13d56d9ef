import autocannon from 'autocannon';
const url = process.argv[2]!;
const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'qd_admin', password: 'Duibiao@2026' }) });
const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const list = (await (await fetch(`${url}/api/v1/cadres?pageSize=1`, { headers: { cookie } })).json()) as { items: { id: number }[] };
const path = process.argv[3] === 'list' ? '/api/v1/cadres?pageSize=50&grassroots=false&sort=name' : `/api/v1/cadres/${list.items[0]!.id}`;
const r = await autocannon({ url: url + path, connections: 10, duration: 8, headers: { cookie } });
console.log(path, r.requests.average, 'req/s', r.non2xx, 'non2xx');

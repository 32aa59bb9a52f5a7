// dashboard.mjs - sluis-dashboard in a real browser (Debian's chromium):
// what a privacy officer, an admin and a viewer see and may do, and what
// a stranger may not. tests/integration/dashboard-e2e sets everything up (a
// metrics store with generated history and this month's mail through a
// private Postfix and sluis-milter, sluis-dashboard, three users) and hands
// it over in a JSON file; this script drives chromium through the pages and
// compares what they show with `sluis report` on the same store.
//
// usage: node tests/browser/dashboard.mjs SETUP.json
//
// SETUP.json:
//   origin     the dashboard's origin ("http://127.0.0.1:PORT")
//   work       a folder of its own (downloads, chromium's profile)
//   shots      where the screenshots go
//   pages      where each page's HTML goes, as the server sent it (for tidy)
//   sluis      bin/sluis; store, key: the metrics store and its key
//   month      this month ("YYYY-MM"): the mail sent through Postfix
//   history    {month, dept, action}: the history's last month, the
//              department whose share rose after the action started in
//              the month action (registered by the shell with sluis action add)
//   users      {admin, privacy, viewer, locked}: {name, password} (locked: a
//              viewer whose account the test locks)
//   senders    the addresses that sent health data unprotected this month
//   fp         the "not health data" link of a sender's notice
//
// Every page fails on a console error, a page error, a CSP violation, a
// failed same-origin request, a dialog or a missing security header (see
// lib.mjs), and is checked for accessibility. Prints ok/FAIL lines and
// "dashboard.mjs: N passed, N failed"; exit 1 on a failure.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'playwright-core';
import { CSP, Results, a11y, guard, launch, shoot } from './lib.mjs';

const setup = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const t = new Results('dashboard.mjs');
const origin = setup.origin;
const shots = setup.shots;
const MAIN = /^content$/;
mkdirSync(setup.work, { recursive: true });
mkdirSync(setup.pages, { recursive: true });

// report(args): `sluis report` on the test's store, its output as text
const report = (...args) =>
  execFileSync(setup.sluis, ['report', ...args, '--store', setup.store, '--key', setup.key], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const reportJson = (month, dept) =>
  JSON.parse(report('--month', month, ...(dept ? ['--dept', dept] : []), '--json'));

// the page's figure names and the report's measures
const MEASURES = {
  outgoing: 'outgoing',
  external: 'external',
  sensitive: 'sensitive',
  protected: 'protected',
  unprotected: 'unprotected',
  held: 'held',
  rejected: 'rejected',
  tempfail: 'tempfail',
  incomplete: 'incomplete',
  'override-refused': 'override_refused',
  'channel-smime': 'protected.smime',
  'channel-tls': 'protected.tls',
  'channel-portal': 'protected.portal',
  'channel-external': 'protected.external',
  'by-monitor': 'unprotected.monitor',
  'by-warn': 'unprotected.warn',
  'by-override': 'unprotected.override',
  'by-other': 'unprotected.other',
};

// ---- pages ---------------------------------------------------------------

// open(ctx, label): a new page of ctx with its guard
async function open(ctx, label) {
  const page = await ctx.newPage();
  const g = guard(page, origin, label, { csp: CSP, icon: '/static/...' });
  return { page, g, label };
}

// keep(resp, name): the document's bytes, as the server sent them, for tidy
async function keep(resp, name) {
  if (!resp) return;
  try {
    writeFileSync(join(setup.pages, `${name}.html`), await resp.body());
  } catch {
    /* a download or a redirect has no body to keep */
  }
}

// visit(p, path, name): GET path; keeps the document; returns the response
async function visit(p, path, name) {
  const resp = await p.page.goto(origin + path);
  await keep(resp, name);
  return resp;
}

// submit(p, name, act): act() makes the page navigate (a form); keeps the
// document it lands on and returns its response
async function submit(p, name, act) {
  const [resp] = await Promise.all([p.page.waitForNavigation(), act()]);
  await keep(resp, name);
  return resp;
}

// clean(p, name): no problem on the page since the last look, the page
// accessible, screenshots at phone and desktop width
async function clean(p, name) {
  const probs = p.g.take();
  t.check(`${name}: no console error, page error, CSP violation or header missing`, probs.length === 0,
    probs.slice(0, 4).join(' | '));
  const a = await a11y(p.page, { main: MAIN });
  t.check(`${name}: accessible (one h1, labels, names, lang switch, no inline script or style)`, a.length === 0,
    a.slice(0, 4).join(' | '));
  await shoot(p.page, shots, name);
}

// figures(page, sel): {figure: number} of the td[data-figure] in sel
const figures = (page, sel) =>
  page.evaluate((s) => {
    const out = {};
    for (const td of document.querySelectorAll(`${s} td[data-figure]`))
      out[td.dataset.figure] = Number(td.textContent.replace(/[^0-9]/g, ''));
    return out;
  }, sel);

// compare(what, page, json): the page's summary tables against the report
async function compare(what, page, json) {
  const got = {
    ...(await figures(page, '#summary')),
    ...(await figures(page, '#channels')),
    ...(await figures(page, '#unprotected')),
  };
  const diff = [];
  for (const [fig, m] of Object.entries(MEASURES)) {
    const want = json.total[m];
    if (got[fig] !== want) diff.push(`${fig}: page ${got[fig]}, report ${want}`);
  }
  t.check(`${what}: the ${Object.keys(MEASURES).length} figures of the summary equal sluis report --json`,
    diff.length === 0, diff.slice(0, 5).join('; '));
  return got;
}

async function compareDepts(what, page, json) {
  const rows = await page.evaluate(() =>
    [...document.querySelectorAll('#departments tr[data-dept]')].map((tr) => {
      const o = { dept: tr.dataset.dept };
      for (const td of tr.querySelectorAll('td[data-figure]'))
        if (td.dataset.figure !== 'protected-share') o[td.dataset.figure] = Number(td.textContent.replace(/[^0-9]/g, ''));
      return o;
    }));
  const want = json.departments || [];
  const diff = [];
  if (rows.length !== want.length) diff.push(`${rows.length} rows, report ${want.length} departments`);
  for (const d of want) {
    const r = rows.find((x) => x.dept === d.dept);
    if (!r) {
      diff.push(`department ${JSON.stringify(d.dept)} missing`);
      continue;
    }
    for (const k of ['external', 'sensitive', 'protected', 'unprotected', 'held', 'rejected'])
      if (r[k] !== d.counts[k]) diff.push(`${d.dept || '(none)'} ${k}: page ${r[k]}, report ${d.counts[k]}`);
  }
  t.check(`${what}: every department's row equals sluis report (${want.length} departments)`,
    diff.length === 0 && want.length > 0, diff.slice(0, 5).join('; '));
}

async function compareRules(what, page, json) {
  const rows = await page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('#rules tr[data-rule]')].map((tr) => [
      tr.dataset.rule,
      Number(tr.querySelector('td[data-figure="fired"]').textContent.replace(/[^0-9]/g, '')),
    ])));
  const want = json.rules || [];
  const diff = want.filter((r) => rows[r.rule] !== r.fired).map((r) => `${r.rule}: page ${rows[r.rule]}, report ${r.fired}`);
  t.check(`${what}: the rules that fired most, as sluis report has them (${want.length})`,
    diff.length === 0 && want.length === Object.keys(rows).length && want.length > 0, diff.slice(0, 5).join('; '));
}

const csrfOf = (page) => page.evaluate(() => document.querySelector('input[name="csrf"]')?.value || '');
const cookieOf = async (ctx) => (await ctx.cookies(origin)).find((c) => c.name === 'sluis' || c.name === '__Host-sluis');

// post(cookie, path, form, origin?): a POST outside any browser page, with
// the cookie given; returns the status (redirects not followed)
async function post(cookie, path, form, withOrigin = true) {
  const rq = await request.newContext({
    baseURL: origin,
    extraHTTPHeaders: cookie ? { Cookie: `${cookie.name}=${cookie.value}` } : {},
  });
  try {
    const r = await rq.post(path, { form, headers: withOrigin ? { Origin: origin } : {}, maxRedirects: 0 });
    return { status: r.status(), location: r.headers().location || '' };
  } finally {
    await rq.dispose();
  }
}

// login(ctx, who, name): sign in through the form; the page it lands on
async function login(ctx, who, name) {
  const u = setup.users[who];
  const p = await open(ctx, name);
  await visit(p, '/login', 'login');
  await p.page.fill('#name', u.name);
  await p.page.fill('#password', u.password);
  const resp = await submit(p, name, () => p.page.click('#login button[type="submit"]'));
  return { p, resp };
}

// ---- the scenarios ---------------------------------------------------------

const { browser, close } = await launch(setup.work);
const newCtx = () => browser.newContext({ acceptDownloads: true, locale: 'nl-NL' });
const admin = await newCtx();
let ap; // the admin's page

await t.step('the login page', async () => {
  const ctx = await newCtx();
  const p = await open(ctx, 'login');
  const resp = await visit(p, '/month', 'login');
  t.check('without a session /month leads to the login page', resp.status() === 200 && new URL(p.page.url()).pathname === '/login',
    `${resp.status()} ${p.page.url()}`);
  await clean(p, 'login');
  await p.page.fill('#name', setup.users.admin.name);
  await p.page.fill('#password', `${setup.users.admin.password}x`);
  const bad = await submit(p, 'login-failed', () => p.page.click('#login button[type="submit"]'));
  t.check('a wrong password: 403, the login form again with its error, no session',
    bad.status() === 403 && (await p.page.isVisible('#login-error')) && !(await cookieOf(ctx)),
    `${bad.status()}`);
  p.g.take(); // the 403 document is the page's own status
  await shoot(p.page, shots, 'login-failed');
  await ctx.close();
});

await t.step('the month page against sluis report', async () => {
  const { p, resp } = await login(admin, 'admin', 'month');
  ap = p;
  t.check(`the admin signs in and lands on /month (${p.page.url()})`, resp.status() === 200 && new URL(p.page.url()).pathname === '/month');
  const c = await cookieOf(admin);
  t.check('the session cookie is HttpOnly and SameSite=Strict', c && c.httpOnly && c.sameSite === 'Strict', JSON.stringify(c));
  const m = await p.page.getAttribute('#month-title', 'data-month');
  t.check(`it shows this month (${setup.month})`, m === setup.month, m);
  const json = reportJson(setup.month);
  await compare(`month ${setup.month}`, p.page, json);
  await compareDepts(`month ${setup.month}`, p.page, json);
  await compareRules(`month ${setup.month}`, p.page, json);
  const trend = await p.page.locator('svg[role="img"]').count();
  t.check(`the month page draws its charts as inline SVG (${trend})`, trend >= 1);
  await clean(p, 'month');
});

await t.step('other months and departments', async () => {
  const p = ap;
  const h = setup.history;
  await p.page.selectOption('#m', h.month);
  await p.page.selectOption('#dept', '');
  let resp = await submit(p, 'month-history', () => p.page.click('#month-switch button[type="submit"]'));
  const u = new URL(p.page.url());
  t.check(`the month switch goes to ${h.month} (${u.search})`, resp.status() === 200 && u.searchParams.get('m') === h.month);
  const json = reportJson(h.month);
  await compare(`month ${h.month} (history)`, p.page, json);
  await compareDepts(`month ${h.month} (history)`, p.page, json);
  await clean(p, 'month-history');
  await p.page.selectOption('#dept', h.dept);
  resp = await submit(p, 'month-dept', () => p.page.click('#month-switch button[type="submit"]'));
  const d = await p.page.getAttribute('#month-title', 'data-dept');
  t.check(`the department switch shows ${h.dept} alone (${d})`, resp.status() === 200 && d === h.dept);
  await compare(`month ${h.month}, department ${h.dept}`, p.page, reportJson(h.month, h.dept));
  t.check('a department\'s page has no table of departments', (await p.page.locator('#departments').count()) === 0);
  await clean(p, 'month-dept');
});

await t.step('the action of the history and its effect', async () => {
  const p = ap;
  const resp = await visit(p, '/actions', 'actions');
  t.check('the actions page answers', resp.status() === 200);
  const rows = await p.page.evaluate(() =>
    [...document.querySelectorAll('#actions tr[data-action-id]')].map((tr) => ({
      text: tr.textContent,
      before: tr.querySelector('[data-figure="share-before"]')?.textContent || '',
      after: tr.querySelector('[data-figure="share-after"]')?.textContent || '',
    })));
  const h = rows.find((r) => r.text.includes(setup.history.dept));
  const pct = (s) => Number((s.match(/[0-9]+(?:[.,][0-9]+)?/) || ['NaN'])[0].replace(',', '.'));
  t.check(`the action registered with sluis action add is listed, its share before and after (${h ? `${h.before} -> ${h.after}` : 'none'})`,
    h && pct(h.after) > pct(h.before), JSON.stringify(rows));
  await clean(p, 'actions');
});

const ACTION = 'Training beveiligd mailen GGZ';
await t.step('register an action and see it on the trend', async () => {
  const p = ap;
  await visit(p, '/month', 'month');
  const before = await p.page.evaluate((a) => [...document.querySelectorAll('svg')].some((s) => s.textContent.includes(a)), ACTION);
  t.check('before: the trend has no marker of the new action', !before);
  await visit(p, '/actions', 'actions');
  await p.page.fill('#action-title', ACTION);
  await p.page.fill('#action-depts', 'GGZ');
  const opts = await p.page.$$eval('#action-channel option', (o) => o.map((x) => x.value));
  await p.page.selectOption('#action-channel', opts.includes('portal') ? 'portal' : opts[0]);
  const resp = await submit(p, 'actions-added', () => p.page.click('#action-add button[type="submit"]'));
  const listed = await p.page.locator('#actions tr[data-action-id]', { hasText: ACTION }).count();
  t.check(`the action is registered and listed (${resp.status()}, ${listed})`, resp.status() === 200 && listed === 1);
  await clean(p, 'actions-added');
  await visit(p, '/month', 'month');
  const on = await p.page.evaluate((a) => {
    const svgs = [...document.querySelectorAll('svg')];
    const chart = svgs.find((s) => s.textContent.includes(a));
    const near = chart ? chart.parentElement.textContent.includes(a) : document.querySelector('main').textContent.includes(a);
    return { chart: !!chart, near };
  }, ACTION);
  t.check('after: the trend chart of the month carries the action (its marker\'s title in the SVG)', on.chart, JSON.stringify(on));
  const audit = await visit(p, '/audit', 'audit');
  const row = await p.page.locator('#audit tbody tr', { hasText: ACTION }).count();
  t.check('the audit log names the action added', audit.status() === 200 && row >= 1);
  // a cause found, from the toolkit's list, with a note
  await visit(p, '/actions', 'actions');
  const NOTE = 'Collega\'s weten niet hoe het portaal werkt';
  await p.page.selectOption('#cause', 'habit');
  await p.page.fill('#cause-note', NOTE);
  await submit(p, 'actions-cause', () => p.page.click('#cause-add button[type="submit"]'));
  t.check('a cause found is recorded with its note', (await p.page.locator('#causes tbody tr', { hasText: NOTE }).count()) === 1);
  t.check('with two actions running there is no warning', (await p.page.locator('#too-many-actions').count()) === 0);
  // more than three running at once: registered, with the toolkit's warning
  for (const title of ['Cursus beveiligd mailen Jeugdzorg', 'S/MIME voor de huisartsenpost']) {
    await p.page.fill('#action-title', title);
    await p.page.fill('#action-depts', '');
    await submit(p, 'actions-many', () => p.page.click('#action-add button[type="submit"]'));
  }
  const warn = await p.page.locator('#too-many-actions').textContent().catch(() => '');
  t.check(`four actions running: all registered, with the warning that the toolkit advises three at most (${warn.trim().slice(0, 60)})`,
    (await p.page.locator('#actions tr[data-action-id]').count()) === 4 && /4/.test(warn));
  await clean(p, 'actions-many');
});

let revealed = '';
await t.step('reveal a pseudonym with a reason, and its audit entry', async () => {
  const p = ap;
  await visit(p, `/month?m=${setup.month}`, 'month');
  const n = await p.page.locator('#senders tbody tr').count();
  const labels = await p.page.$$eval('#senders th.pseudonym', (x) => x.map((e) => e.textContent));
  const leak = setup.senders.filter((s) => labels.some((l) => l.includes(s)));
  t.check(`the month shows senders who sent health data unprotected, by pseudonym only (${n}: ${labels.slice(0, 3).join(', ')})`,
    n > 0 && leak.length === 0, leak.join(', '));
  const form = p.page.locator('form.reveal').first();
  const label = labels[0];
  const reason = 'Gesprek met medewerker over onbeveiligd mailen';
  await form.locator('input[name="reason"]').fill(reason);
  const resp = await submit(p, 'reveal', () => form.locator('button[type="submit"]').click());
  revealed = (await p.page.textContent('#revealed-address').catch(() => '')) || '';
  t.check(`the admin reveals ${label} with a reason: the address is one of this month's unprotected senders (${revealed})`,
    resp.status() === 200 && setup.senders.includes(revealed.trim()));
  await clean(p, 'reveal');
  await visit(p, '/audit', 'audit');
  const entry = await p.page.locator('#audit tbody tr', { hasText: reason }).first().textContent().catch(() => '');
  t.check('the audit log has the reveal: who, and the reason', /reveal/i.test(entry) && entry.includes(setup.users.admin.name),
    entry);
  t.check('... and not the address revealed', !(await p.page.textContent('#audit')).includes(revealed.trim()) || !revealed);
  // a reason too short to be one is refused, and nothing is revealed
  await visit(p, `/month?m=${setup.month}`, 'month');
  const sender = await p.page.locator('form.reveal input[name="sender"]').first().getAttribute('value');
  const short = await post(await cookieOf(admin), '/reveal', { csrf: await csrfOf(p.page), m: setup.month, dept: '', sender, reason: 'zomaar' });
  t.check(`a reveal with a reason of six letters is refused (${short.status})`, short.status === 400);
  await clean(p, 'audit');
});

await t.step('the privacy officer and the viewer', async () => {
  const priv = await newCtx();
  const { p: pp } = await login(priv, 'privacy', 'month-privacy');
  t.check('the privacy officer sees the pseudonyms but no reveal form',
    (await pp.page.locator('#senders').count()) === 1 && (await pp.page.locator('form.reveal').count()) === 0);
  t.check('... and no audit log in the menu', (await pp.page.locator('#menu a[href="/audit"]').count()) === 0);
  await clean(pp, 'month-privacy');
  const view = await newCtx();
  const { p: vp } = await login(view, 'viewer', 'month-viewer');
  t.check('the viewer sees the figures but neither pseudonyms nor a reveal form',
    (await vp.page.locator('#summary').count()) === 1 && (await vp.page.locator('#senders').count()) === 0 &&
      (await vp.page.locator('form.reveal').count()) === 0);
  await clean(vp, 'month-viewer');
  const r = await visit(vp, '/audit', 'forbidden');
  t.check(`the viewer asking for the audit log gets 403 (${r.status()})`, r.status() === 403);
  vp.g.take();
  await shoot(vp.page, shots, 'forbidden');
  const vc = await cookieOf(view);
  const vcsrf = await csrfOf(vp.page);
  const st = await post(vc, '/reveal', {
    csrf: vcsrf, m: setup.month, dept: '', sender: '0'.repeat(64), reason: 'nieuwsgierigheid, meer niet',
  });
  t.check(`the viewer's own session and token cannot POST /reveal (${st.status})`, st.status === 403);
  {
    const rq = await request.newContext({ baseURL: origin, extraHTTPHeaders: { Cookie: `${vc.name}=${vc.value}` } });
    const csv = await (await rq.get(`/month.csv?m=${setup.month}`)).text();
    await rq.dispose();
    const want = report('--month', setup.month, '--csv').split('\n').filter((l) => l.split(',')[1] !== 'sender').join('\n');
    t.check(`the viewer's CSV export is sluis report's without its sender rows (${csv.split('\n').length} lines)`,
      csv === want && !/^[^,]*,sender,/m.test(csv));
  }
  const pc = await cookieOf(priv);
  const pcsrf = await csrfOf(pp.page);
  const ac = await cookieOf(admin);
  const acsrf = await csrfOf(ap.page);
  // the actions as /actions.json lists them, read with the admin's session
  const actionsJson = () => execFileSync('curl', ['-s', '-b', `${ac.name}=${ac.value}`, `${origin}/actions.json`], { encoding: 'utf8' });
  t.check('/actions.json answers with the actions', actionsJson().includes(ACTION));
  const form = (csrf) => ({ ...(csrf === null ? {} : { csrf }), title: 'Niet toegestaan', depts: '', channel: 'portal', start: `${setup.month}-01`, end: '' });
  const tries = [
    ['without a CSRF token', ac, form(null), true],
    ['with a wrong CSRF token', ac, form('0'.repeat(64)), true],
    ["with the privacy officer's session and the admin's token", pc, form(acsrf), true],
    ["with the admin's session and the privacy officer's token", ac, form(pcsrf), true],
    ['without an Origin header', ac, form(acsrf), false],
    ['without any session', null, form(acsrf), true],
  ];
  for (const [what, c, f, o] of tries) {
    const s = await post(c, '/actions/add', f, o);
    t.check(`POST /actions/add ${what} is refused (${s.status})`, s.status === 403);
  }
  t.check('... and none of them added an action', !actionsJson().includes('Niet toegestaan'));
  // after logout: the old cookie and token are worth nothing
  const pold = await cookieOf(priv);
  await submit(pp, 'logged-out', () => pp.page.click('#logout button[type="submit"]'));
  t.check(`signing out leads to the login page (${pp.page.url()})`, new URL(pp.page.url()).pathname === '/login');
  const s = await post(pold, '/actions/add', form(pcsrf));
  t.check(`after logout the old session's cookie and token are refused (${s.status})`, s.status === 403);
  const g = await request.newContext({ baseURL: origin, extraHTTPHeaders: { Cookie: `${pold.name}=${pold.value}` } });
  const r2 = await g.get('/month', { maxRedirects: 0 });
  t.check(`... and a GET with it goes to /login (${r2.status()} ${r2.headers().location})`, r2.status() === 303 && /\/login$/.test(r2.headers().location || ''));
  await g.dispose();
  t.check('no page of these had a problem', pp.g.take().length === 0 && vp.g.take().length === 0);
  await priv.close();
  await view.close();
});

await t.step('exports: CSV and JSON against sluis report; the print view', async () => {
  const p = ap;
  await visit(p, `/month?m=${setup.month}`, 'month');
  const [dl] = await Promise.all([p.page.waitForEvent('download'), p.page.click('#export-csv')]);
  const file = join(setup.work, 'month.csv');
  await dl.saveAs(file);
  const got = readFileSync(file, 'utf8');
  // an admin's export is sluis report's, staff by pseudonym label only (a
  // viewer's has no sender rows: the viewers' step checks the page)
  const want = report('--month', setup.month, '--csv');
  const senderRows = want.split('\n').filter((l) => l.split(',')[1] === 'sender').length;
  const at = [...got].findIndex((ch, i) => ch !== want[i]);
  t.check(`the CSV export of ${setup.month} is sluis report --csv byte for byte, its ${senderRows} sender rows by label, no address or hash (${got.split('\n').length} lines)`,
    got === want && senderRows > 0 && !/@|[0-9a-f]{64}/.test(got),
    `got ${got.length} bytes, want ${want.length}; first difference at ${at}: ${JSON.stringify(got.slice(at, at + 60))}`);
  const [dj] = await Promise.all([p.page.waitForEvent('download'), p.page.click('#export-json')]);
  await dj.saveAs(join(setup.work, 'month.json'));
  const gj = JSON.parse(readFileSync(join(setup.work, 'month.json'), 'utf8'));
  const wj = reportJson(setup.month);
  t.check(`the JSON export equals sluis report --json, its ${wj.senders.length} senders included`,
    JSON.stringify(gj) === JSON.stringify(wj) && wj.senders.length > 0);
  const resp = await submit(p, 'print', () => p.page.click('#print-link'));
  t.check(`the print view answers (${new URL(p.page.url()).pathname})`, resp.status() === 200 && new URL(p.page.url()).pathname === '/print');
  await compare('the print view', p.page, reportJson(setup.month));
  t.check('the print view has no month switch and no reveal form',
    (await p.page.locator('#month-switch').count()) === 0 && (await p.page.locator('form.reveal').count()) === 0);
  await p.page.emulateMedia({ media: 'print' });
  const hidden = await p.page.evaluate(() => {
    const vis = (el) => !!el && el.checkVisibility({ visibilityProperty: true });
    return { nav: !vis(document.querySelector('#menu')), noprint: [...document.querySelectorAll('.noprint')].every((e) => !vis(e)), summary: vis(document.querySelector('#summary')) };
  });
  t.check('printed, the menu and the .noprint lines are hidden, the figures shown', hidden.nav && hidden.noprint && hidden.summary, JSON.stringify(hidden));
  await clean(p, 'print');
  await p.page.emulateMedia({ media: 'screen' });
});

await t.step('the "not health data" link of a sender\'s notice', async () => {
  if (!setup.fp) throw new Error('dashboard-e2e found no fp link in the notices (see its earlier failures)');
  const sum = async () => {
    await visit(ap, `/month?m=${setup.month}`, 'month');
    return ap.page.$$eval('#rules td[data-figure="reports"]', (x) => x.reduce((a, e) => a + Number(e.textContent.replace(/[^0-9]/g, '')), 0));
  };
  const perRule = () => ap.page.$$eval('#rules td[data-figure="reports"]', (x) => x.map((e) => Number(e.textContent.replace(/[^0-9]/g, ''))));
  const before = await sum();
  const ctx = await newCtx();
  const p = await open(ctx, 'fp');
  const r = await p.page.goto(setup.fp);
  await keep(r, 'fp');
  t.check(`the link opens its confirmation page without a login (${r.status()})`, r.status() === 200 && (await p.page.locator('form#fp').count()) === 1);
  await clean(p, 'fp');
  const done = await submit(p, 'fp-done', () => p.page.click('form#fp button[type="submit"]'));
  t.check(`confirming records the report (${done.status()})`, done.status() === 200 && (await p.page.locator('form#fp').count()) === 0);
  await clean(p, 'fp-done');
  const after = await sum();
  const rules = await perRule();
  t.check(`the month page's rules table counts it once against each of the event's rules (reports ${before} -> ${after}: ${rules.join(' ')})`,
    before === 0 && after >= 1 && rules.every((n) => n <= 1));
  const again = await p.page.request.post(setup.fp, { form: { confirm: '1' }, headers: { Origin: origin } });
  t.check(`the same link again counts once (${again.status()})`, again.status() === 200 && (await sum()) === after);
  const unknown = await p.page.goto(`${origin}/fp/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
  t.check(`an unknown token shows the page; confirming it: 404 (${unknown.status()})`, unknown.status() === 200);
  const u404 = await submit(p, 'fp-unknown', () => p.page.click('form#fp button[type="submit"]'));
  t.check(`... ${u404.status()}`, u404.status() === 404);
  p.g.take();
  await ctx.close();
});

await t.step('languages', async () => {
  const p = ap;
  await visit(p, `/month?m=${setup.month}&lang=en`, 'month-en');
  const lang = await p.page.getAttribute('html', 'lang');
  const h1 = await p.page.textContent('h1');
  t.check(`?lang=en: the page in English (${lang}: ${h1})`, lang === 'en' && /Monthly figures/.test(h1));
  await visit(p, `/month?m=${setup.month}&lang=fr`, 'month-fr');
  t.check('?lang=fr: in French', (await p.page.getAttribute('html', 'lang')) === 'fr');
  await clean(p, 'month-fr');
  await visit(p, `/month?m=${setup.month}&lang=nl`, 'month');
});

await t.step('the other exports: actions and audit log as CSV and JSON', async () => {
  const p = ap;
  for (const [path, want] of [['/actions.csv', ACTION], ['/actions.json', ACTION], ['/audit.csv', 'reveal'], ['/audit.json', 'reveal']]) {
    const r = await p.page.request.get(origin + path);
    const type = r.headers()['content-type'] || '';
    const body = await r.text();
    const kind = path.endsWith('.csv') ? /^text\/csv/ : /^application\/json/;
    let parses = true;
    if (path.endsWith('.json')) {
      try {
        JSON.parse(body);
      } catch {
        parses = false;
      }
    }
    t.check(`${path}: ${type}, ${body.length} bytes, as a download, with ${JSON.stringify(want)}`,
      r.status() === 200 && kind.test(type) && /attachment/.test(r.headers()['content-disposition'] || '') && body.includes(want) && parses);
  }
});

await t.step('a locked account', async () => {
  const u = setup.users.locked;
  if (!u || !u.password) throw new Error('dashboard-e2e made no user to lock');
  const ctx = await newCtx();
  const p = await open(ctx, 'locked');
  let last = 0;
  for (let i = 0; i < 5; i++) {
    await visit(p, '/login', 'login');
    await p.page.fill('#name', u.name);
    await p.page.fill('#password', `fout${i}`);
    last = (await submit(p, 'login-failed', () => p.page.click('#login button[type="submit"]'))).status();
  }
  await visit(p, '/login', 'login');
  await p.page.fill('#name', u.name);
  await p.page.fill('#password', u.password);
  const r = await submit(p, 'login-locked', () => p.page.click('#login button[type="submit"]'));
  t.check(`five wrong passwords lock the account: then the right one is refused too (${last}, then ${r.status()})`,
    last === 403 && r.status() === 403 && !(await cookieOf(ctx)));
  p.g.take();
  await ctx.close();
  await visit(ap, '/audit', 'audit');
  const locked = await ap.page.locator('#audit tbody tr', { hasText: 'account locked' }).count();
  t.check(`the audit log says the account was locked (${locked} entries)`, locked >= 1);
});

await t.step('sign out', async () => {
  const p = ap;
  await submit(p, 'logged-out', () => p.page.click('#logout button[type="submit"]'));
  t.check('the admin signs out and lands on the login page', new URL(p.page.url()).pathname === '/login');
  const r = await p.page.goto(`${origin}/month`);
  t.check('after that /month leads to the login page again', new URL(p.page.url()).pathname === '/login' && r.status() === 200);
  await clean(p, 'logged-out');
});

await close();
process.exit(t.summary() ? 0 : 1);

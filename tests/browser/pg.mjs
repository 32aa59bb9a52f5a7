// pg.mjs - the browser's part of tests/integration/pg-e2e: a portal and a
// dashboard whose stores live in PostgreSQL, in Debian's chromium. The
// shell test sets everything up (two relays, two portals, a dashboard, one
// private PostgreSQL cluster) and hands over a JSON file; this script does
// one part of it per run.
//
// usage: node tests/browser/pg.mjs SETUP.json portal|dashboard
//
// SETUP.json:
//   work       a folder of its own (chromium's profile)
//   portal     {base, token, code, subject, text}: a message kept through
//              one relay, opened here through the other relay's portal
//   dashboard  {origin, name, password, month, outgoing, what}: an admin's
//              login, and the month's figure of messages the page must show
//              (what: those messages in words)
//
// Every page fails on a console error, a page error, a CSP violation, a
// failed same-origin request, a dialog or a missing security header (see
// lib.mjs). Prints ok/FAIL lines and "pg.mjs: N passed, N failed"; exit 1
// on a failure.

import { mkdirSync, readFileSync } from 'node:fs';
import { CSP, Results, guard, launch, pageKind } from './lib.mjs';

const setup = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const part = process.argv[3];
const t = new Results('pg.mjs');
mkdirSync(setup.work, { recursive: true });

const need = (obj, what, keys) => {
  if (!obj) throw new Error(`pg-e2e gave no ${what} (see its earlier failures)`);
  for (const k of keys) if (obj[k] === undefined || obj[k] === null || obj[k] === '')
    throw new Error(`pg-e2e gave no ${what}.${k} (see its earlier failures)`);
  return obj;
};
const squash = (s) => s.replace(/\s+/g, ' ').trim();

const browser = await launch(setup.work);
t.ok(`chromium ${browser.browser.version()}, headless, a fresh profile`);

if (part === 'portal') {
  await t.step('the message kept through relay A, opened through portal B', async () => {
    const p = need(setup.portal, 'portal', ['base', 'token', 'code', 'subject', 'text']);
    const origin = new URL(p.base).origin;
    const ctx = await browser.browser.newContext({ viewport: { width: 1280, height: 800 } });
    ctx.setDefaultTimeout(15000);
    const page = await ctx.newPage();
    const g = guard(page, origin, 'portal B');
    const link = p.base + p.token;
    await page.goto(link);
    const k0 = await pageKind(page);
    t.check(`the link from the recipient's notice: page-verify on portal B (${g.lastDoc().status})`,
      k0 === 'verify' && g.lastDoc().status === 200, `page-${k0} at ${page.url()}`);
    await page.fill('#code', p.code);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#verify-submit')]);
    const k1 = await pageKind(page);
    t.check(`the access code from the sender's notice opens the message (${page.url()})`,
      k1 === 'message' && page.url() === `${link}/m`, `page-${k1} at ${page.url()}`);
    const subject = k1 === 'message' ? squash(await page.textContent('#subject')) : '';
    t.check(`#subject is the message's subject (${JSON.stringify(subject)})`, subject === p.subject);
    const body = k1 === 'message' ? squash(await page.textContent('#body')) : '';
    t.check('#body shows the message\'s text, decrypted with the shared master key',
      body.includes(squash(p.text)), body.slice(0, 200));
    const probs = g.take();
    t.check('no console error, page error, CSP violation, failed request or missing header', probs.length === 0,
      probs.slice(0, 4).join(' | '));
    await ctx.close();
  });
} else if (part === 'dashboard') {
  await t.step('the dashboard on PostgreSQL: login and the month page', async () => {
    const d = need(setup.dashboard, 'dashboard', ['origin', 'name', 'password', 'month', 'outgoing']);
    const origin = d.origin;
    const ctx = await browser.browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 800 } });
    ctx.setDefaultTimeout(15000);
    const page = await ctx.newPage();
    const g = guard(page, origin, 'dashboard', { csp: CSP, icon: '/static/...' });
    await page.goto(`${origin}/login`);
    await page.fill('#name', d.name);
    await page.fill('#password', d.password);
    const [resp] = await Promise.all([page.waitForNavigation(), page.click('#login button[type="submit"]')]);
    t.check(`the user made with sluis user add --db postgresql://... signs in and lands on /month (${resp.status()} ${page.url()})`,
      resp.status() === 200 && new URL(page.url()).pathname === '/month');
    const r = await page.goto(`${origin}/month?m=${d.month}`);
    const m = await page.getAttribute('#month-title', 'data-month').catch(() => null);
    t.check(`the month page of ${d.month} answers (${r.status()}, ${m})`, r.status() === 200 && m === d.month);
    const shown = await page.evaluate(() => {
      const td = document.querySelector('#summary td[data-figure="outgoing"]');
      return td ? Number(td.textContent.replace(/[^0-9]/g, '')) : null;
    });
    t.check(`the month's messages figure is ${d.what || d.outgoing} (page: ${shown})`,
      shown === d.outgoing);
    const j = await ctx.request.get(`${origin}/month.json?m=${d.month}`);
    let total = null;
    try {
      total = (await j.json()).total.outgoing;
    } catch {
      /* not JSON: total stays null */
    }
    t.check(`... and so is the JSON export's total.outgoing (${j.status()}, ${total})`, j.status() === 200 && total === d.outgoing);
    const probs = g.take();
    t.check('no console error, page error, CSP violation, failed request or missing header', probs.length === 0,
      probs.slice(0, 4).join(' | '));
    await ctx.close();
  });
} else {
  t.bad(`the part to run: portal or dashboard, not ${JSON.stringify(part)}`);
}

await browser.close();
process.exit(t.summary() ? 0 : 1);

// portal.mjs - sluis-portal in a real browser (Debian's chromium): what a
// recipient, a sender and an attacker see. tests/integration/portal-e2e
// sets everything up (a private Postfix with sluis-milter, the receivers,
// the stand-in SMS gateway, sluis-portal), sends the messages, takes the
// links and codes from the notices that arrived, and hands them over in a
// JSON file; this script drives chromium through the pages.
//
// usage: node tests/browser/portal.mjs SETUP.json
//
// SETUP.json (every part optional: a part that is missing fails its own
// scenario, the others still run):
//   base       the portal's URL ("http://127.0.0.1:PORT/p/"); origin
//   work       a folder of its own (downloads, chromium's profile)
//   shots      where the screenshots go (build/test-output/screenshots)
//   mailbox    tests/integration/mailbox.py; dirs {ext, org, sms}: the
//              receivers' folders (external recipients, the organisation)
//              and the SMS gateway's
//   read       {token, code, status, sender, sender_name, recipient, other, subject,
//               text, attachment {name, path}, reply_file {name, path}}
//   wrong      {token, code}          five wrong codes lock it
//   expired    {token}                its expiry already set in the past
//   email      {token, recipient, secret}; sms {token, phone, secret}
//   hostile    {token, code, tracker_port, visible, attachment}
//   many       {tokens[5], codes[5], client}
//
// Every page fails on a console error, a page error, a CSP violation, a
// failed same-origin request, a dialog or a missing security header (see
// lib.mjs), and is checked for accessibility and the contract's shape.
// Prints ok/FAIL lines and "portal.mjs: N passed, N failed"; exit 1 on a
// failure.

import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Results, a11y, guard, launch, pageKind, shoot, unsafeInBody } from './lib.mjs';

const setup = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const t = new Results('portal.mjs');
const base = setup.base;
const origin = new URL(base).origin;
const shots = setup.shots;
mkdirSync(setup.work, { recursive: true });

const need = (obj, what, keys) => {
  if (!obj) throw new Error(`portal-e2e gave no ${what} (see its earlier failures)`);
  for (const k of keys) if (obj[k] === undefined || obj[k] === null || obj[k] === '')
    throw new Error(`portal-e2e gave no ${what}.${k} (see its earlier failures)`);
  return obj;
};
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const wrongCode = (code) => String((Number(code) + 1) % 1000000).padStart(6, '0');

// mailbox(dir, args): the messages there, as tests/integration/mailbox.py sees them
function mailbox(dir, ...args) {
  try {
    return JSON.parse(execFileSync('python3', [setup.mailbox, dir, ...args], { encoding: 'utf8' }));
  } catch (e) {
    if (e.stdout) return JSON.parse(e.stdout); // --wait ran out: what there was
    throw e;
  }
}
const lastN = (dir) => mailbox(dir).reduce((n, m) => Math.max(n, m.n), 0);

// smsSince(n, to, seconds): texts to the phone number after the n-th
function smsFiles(dir) {
  try {
    return execFileSync('sh', ['-c', `ls "${dir}" | grep -E '^[0-9]+\\.json$' || true`], { encoding: 'utf8' })
      .split('\n').filter(Boolean).sort();
  } catch {
    return [];
  }
}
async function smsWait(dir, after, to, seconds) {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const got = smsFiles(dir).filter((f) => Number(f.slice(0, -5)) > after)
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8'))).filter((m) => m.to === to);
    if (got.length || Date.now() > end) return got;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const browser = await launch(setup.work);
t.ok(`chromium ${browser.browser.version()} from Debian, headless, a fresh profile`);

// a context per scenario: its own cookies; every request to another origin
// is recorded; those to the hostile message's tracker go on (the tracker
// records them too), all others are stopped before they leave
const foreign = [];
const trackerOrigin = setup.hostile && setup.hostile.tracker_port ? `http://127.0.0.1:${setup.hostile.tracker_port}` : null;
async function context(opts = {}) {
  const ctx = await browser.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 }, ...opts });
  ctx.setDefaultTimeout(15000);
  await ctx.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(origin + '/')) return route.continue();
    foreign.push(u);
    if (trackerOrigin && u.startsWith(trackerOrigin + '/')) return route.continue();
    return route.abort('blockedbyclient');
  });
  return ctx;
}
async function newPage(ctx, label) {
  const page = await ctx.newPage();
  const g = guard(page, origin, label);
  return { page, g };
}

// submit(page, selector): click it and wait for the page it leads to
async function submit(page, selector) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
}

// expectPage: the page's kind and status, its shape and accessibility, the
// screenshots, and that nothing went wrong on it
async function expectPage(page, g, label, kind, status, shot) {
  const k = await pageKind(page);
  const st = g.lastDoc().status;
  t.check(`${label}: page-${kind}${status ? ` (${status})` : ''}`, k === kind && (!status || st === status),
    `page-${k || '?'} (${st}) at ${page.url()}`);
  const a = await a11y(page);
  t.check(`${label}: accessible (lang, one h1, labels, named buttons) and no inline script or style`, a.length === 0, a.join('; '));
  if (shot) {
    const files = await shoot(page, shots, shot);
    t.ok(`${label}: screenshots ${files.map((f) => f.split('/').pop()).join(', ')}`);
  }
  const p = g.take();
  t.check(`${label}: no console error, page error, CSP violation, failed request, dialog or missing header`, p.length === 0, p.join(' | '));
  return k === kind;
}

// verifyWith(page, g, code): the code into the form, submitted
async function verifyWith(page, code) {
  await page.fill('#code', code);
  await submit(page, '#verify-submit');
}

// post(path, fields, headers): a form POST as a script would make it (no browser)
async function post(path, fields, headers = {}) {
  const r = await fetch(origin + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  const body = await r.text();
  const m = /<main id="page-([a-z-]+)"/.exec(body);
  return { status: r.status, kind: m ? m[1] : '', cookie: r.headers.get('set-cookie'), location: r.headers.get('location') };
}

// ---- 1. read, download, reply, log out; the sender's status; withdrawn --
await t.step('1. a sensitive message with an attachment, read and answered in the portal', async () => {
  const r = need(setup.read, 'read', ['token', 'code', 'recipient', 'sender', 'subject', 'text', 'attachment', 'reply_file']);
  const ctx = await context();
  const { page, g } = await newPage(ctx, 'verify');
  const link = base + r.token;
  await page.goto(link);
  await expectPage(page, g, 'the link from the recipient\'s notice', 'verify', 200, 'verify');
  const code = page.locator('#code');
  t.check('the code field: inputmode numeric, autocomplete one-time-code',
    (await code.getAttribute('inputmode')) === 'numeric' && (await code.getAttribute('autocomplete')) === 'one-time-code');
  t.check('the page before verification shows nothing of the message',
    !(await page.content()).includes(r.subject) && !(await page.content()).includes(r.text));

  await verifyWith(page, r.code);
  t.check('the access code from the sender\'s notice opens it: /m', page.url() === `${link}/m`, page.url());
  const cookies = (await ctx.cookies()).filter((c) => c.name === 'sluis_session');
  t.check('the session cookie: sluis_session, HttpOnly, SameSite=Strict, Path=/',
    cookies.length === 1 && cookies[0].httpOnly && cookies[0].sameSite === 'Strict' && cookies[0].path === '/', JSON.stringify(cookies));
  await expectPage(page, g, 'the message', 'message', 200, 'message');
  const subject = (await page.textContent('#subject')).trim();
  t.check(`#subject is the message's subject (${JSON.stringify(subject)})`, subject === r.subject);
  const from = await page.textContent('#from');
  t.check(`#from names the sender (${JSON.stringify(from.trim())})`, from.includes(r.sender) || (!!r.sender_name && from.includes(r.sender_name)));
  t.check('#date is shown', /\d/.test(await page.textContent('#date')));
  const body = await page.textContent('#body');
  t.check('#body shows the text', body.replace(/\s+/g, ' ').includes(r.text.replace(/\s+/g, ' ')), body.slice(0, 300));
  const att = page.locator('#attachments a[download]');
  t.check(`#attachments lists ${r.attachment.name} as /p/TOKEN/a/0`,
    (await att.count()) === 1 && (await att.first().textContent()).includes(r.attachment.name) &&
      (await att.first().getAttribute('href')) === `/p/${r.token}/a/0`,
    `${await att.count()} links`);

  // the download, byte for byte, and its headers
  const [dl] = await Promise.all([page.waitForEvent('download'), att.first().click()]);
  const saved = join(setup.work, 'download-0');
  await dl.saveAs(saved);
  const orig = readFileSync(r.attachment.path);
  const got = readFileSync(saved);
  t.check(`the attachment downloads as ${dl.suggestedFilename()}, byte for byte the original (${orig.length} bytes)`,
    got.equals(orig) && dl.suggestedFilename() === r.attachment.name, `${got.length} bytes, sha256 ${sha256(got)} vs ${sha256(orig)}`);
  const ar = await ctx.request.get(`${link}/a/0`);
  const ah = ar.headers();
  t.check('the attachment\'s headers: Content-Disposition attachment with filename*=UTF-8\'\'..., its type, nosniff, no-store',
    ar.status() === 200 && /^attachment;/.test(ah['content-disposition'] || '') && /\bno-store\b/.test(ah['cache-control'] || '') &&
      (ah['content-disposition'] || '').includes(`filename*=UTF-8''${encodeURIComponent(r.attachment.name)}`) &&
      (ah['content-type'] || '').startsWith('application/pdf') && ah['x-content-type-options'] === 'nosniff',
    JSON.stringify(ah));
  const noSession = await fetch(`${link}/a/0`, { redirect: 'manual' });
  t.check('without the session the attachment is not given (303 to the link)',
    noSession.status === 303 && (noSession.headers.get('location') || '').endsWith(`/p/${r.token}`), `${noSession.status}`);

  // a reply with an attachment
  const orgBefore = lastN(setup.dirs.org);
  const marker = `Antwoord ${randomBytes(4).toString('hex')}: dank u, ik kom dinsdag langs.`;
  await page.fill('#reply-text', marker);
  await page.setInputFiles('#reply-files', r.reply_file.path);
  t.check('the reply form posts multipart/form-data with a csrf field',
    await page.evaluate(() => {
      const f = document.querySelector('#reply-text').form;
      return f.method === 'post' && f.enctype === 'multipart/form-data' && !!f.querySelector('input[type=hidden][name=csrf]');
    }));
  await submit(page, '#reply-submit');
  t.check('after the reply: /m?replied=1', page.url() === `${link}/m?replied=1`, page.url());
  t.check('#notice says the reply went', await page.locator('#notice[role=status]').count() === 1);
  const replies = page.locator('#thread article.reply');
  t.check('the thread shows the reply', (await replies.count()) === 1 && (await replies.first().textContent()).includes(marker),
    `${await replies.count()} replies`);
  await expectPage(page, g, 'the message after the reply', 'message', 200, 'message-after-reply');
  const arrived = mailbox(setup.dirs.org, '--after', String(orgBefore), '--contains', marker, '--wait', '30', '--save', join(setup.work, 'reply-attachments'));
  t.check('the reply arrives in the sender\'s mailbox', arrived.length === 1 && arrived[0].rcpt.includes(r.sender),
    JSON.stringify(arrived.map((m) => [m.rcpt, m.subject])));
  if (arrived.length) {
    const want = readFileSync(r.reply_file.path);
    const a = arrived[0].attachments.find((x) => x.filename === r.reply_file.name);
    t.check(`... with ${r.reply_file.name}, byte for byte (${want.length} bytes)`, a && a.sha256 === sha256(want),
      JSON.stringify(arrived[0].attachments));
    t.check('... and not the original message\'s text', !arrived[0].text.includes(r.text));
  }
  await page.reload();
  t.check('the thread keeps the reply after a reload', (await page.locator('#thread article.reply').count()) === 1);
  g.take();

  // log out
  await submit(page, '#logout');
  await expectPage(page, g, 'logged out', 'logged-out', 200, 'logged-out');
  await page.goto(`${link}/m`);
  t.check('after logging out, /m goes back to the verification', page.url() === link && (await pageKind(page)) === 'verify', page.url());
  g.take();
  await page.close();

  // the sender's status page, then withdrawing
  need(r, 'read', ['status', 'other']);
  const s = await newPage(ctx, 'sender');
  await s.page.goto(`${base}s/${r.status}`);
  await expectPage(s.page, s.g, 'the sender\'s status link from the sender\'s notice', 'sender', 200, 'sender');
  const row = async (addr) => s.page.$$eval('#recipients tr', (trs, a) => {
    const tr = trs.find((x) => x.textContent.includes(a));
    return tr ? [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim()) : null;
  }, addr);
  const read = await row(r.recipient);
  const other = await row(r.other);
  // columns: address, way in, sent, opened, replied; a date has digits
  t.check(`the status page: ${r.recipient} sent, opened and replied`, read && read.length >= 5 && [2, 3, 4].every((i) => /\d/.test(read[i])), JSON.stringify(read));
  t.check(`... ${r.other} sent, not opened, not replied`, other && other.length >= 5 && /\d/.test(other[2]) && ![3, 4].some((i) => /\d/.test(other[i])),
    JSON.stringify(other));
  t.check('... no message content on it', !(await s.page.content()).includes(r.text) && !(await s.page.content()).includes(marker));
  t.check('... no #revoked yet', (await s.page.locator('#revoked').count()) === 0);
  await submit(s.page, '#revoke');
  t.check('withdrawing: back to the status page, which says so (#revoked)',
    s.page.url() === `${base}s/${r.status}` && (await s.page.locator('#revoked').count()) === 1, s.page.url());
  await expectPage(s.page, s.g, 'the status page after withdrawing', 'sender', 200, 'sender-revoked');
  t.check('... and offers no withdraw button any more', (await s.page.locator('#revoke').count()) === 0);
  await s.page.goto(link);
  await expectPage(s.page, s.g, 'the recipient\'s link after withdrawing', 'revoked', 410, 'revoked');
  const again = await post(`/p/${r.token}/verify`, { code: r.code });
  t.check('... the right code opens nothing any more', again.kind === 'revoked' && !again.cookie, JSON.stringify(again));
  await ctx.close();
});

// ---- 2. wrong codes, locked, expired, unknown -------------------------
await t.step('2. a wrong code, five wrong codes, an expired and an unknown link', async () => {
  const w = need(setup.wrong, 'wrong', ['token', 'code']);
  const ctx = await context();
  const { page, g } = await newPage(ctx, 'wrong code');
  await page.goto(base + w.token);
  g.take();
  const bad = wrongCode(w.code);
  await verifyWith(page, bad);
  await expectPage(page, g, 'a wrong code', 'verify', 403, 'wrong-code');
  const err = (await page.textContent('#error[role=alert]').catch(() => '')) || '';
  t.check(`#error says a wrong code with 4 tries left (${JSON.stringify(err.trim())})`, /\b4\b/.test(err) && !/\b5\b/.test(err));
  t.check('... and the code field is there again, empty', (await page.inputValue('#code')) === '');
  for (let i = 2; i <= 4; i++) {
    await verifyWith(page, bad);
    const e = (await page.textContent('#error').catch(() => '')) || '';
    t.check(`wrong code ${i}: ${5 - i} left`, (await pageKind(page)) === 'verify' && new RegExp(`\\b${5 - i}\\b`).test(e), e.trim());
  }
  g.take();
  await verifyWith(page, bad);
  await expectPage(page, g, 'the fifth wrong code', 'locked', 403, 'locked');
  const late = await post(`/p/${w.token}/verify`, { code: w.code });
  t.check('locked: the right code is refused too, no session', late.kind === 'locked' && late.status === 403 && !late.cookie, JSON.stringify(late));
  await page.goto(base + w.token);
  await expectPage(page, g, 'the locked link opened again', 'locked', 403);

  const x = need(setup.expired, 'expired', ['token']);
  await page.goto(base + x.token);
  await expectPage(page, g, 'a message past its expiry', 'expired', 410, 'expired');

  const unknown = randomBytes(32).toString('base64url');
  await page.goto(base + unknown);
  await expectPage(page, g, 'an unknown token', 'unknown', 404, 'unknown');
  for (const [path, why] of [[`${base}abc`, 'a short token'], [`${base}${unknown.slice(0, 42)}*`, 'a token with a bad character']]) {
    const res = await page.goto(path);
    t.check(`${why}: 404 page-unknown`, res.status() === 404 && (await pageKind(page)) === 'unknown', `${res.status()}`);
    g.take();
  }
  // the language switch, on a page of its own
  await page.goto(`${base}${unknown}?lang=en`);
  const en = await page.evaluate(() => [document.documentElement.lang, document.querySelector('h1').textContent]);
  await page.goto(`${base}${unknown}?lang=fr`);
  const fr = await page.evaluate(() => [document.documentElement.lang, document.querySelector('h1').textContent]);
  await page.goto(`${base}${unknown}?lang=nl`);
  const nl = await page.evaluate(() => [document.documentElement.lang, document.querySelector('h1').textContent]);
  t.check('?lang=en, fr, nl: the page in each language (lang and h1 differ)',
    en[0] === 'en' && fr[0] === 'fr' && nl[0] === 'nl' && new Set([en[1], fr[1], nl[1]]).size === 3, JSON.stringify([en, fr, nl]));
  const ae = await browser.browser.newContext({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });
  const pe = await ae.newPage();
  await pe.goto(base + unknown);
  t.check('Accept-Language: en chooses English', (await pe.evaluate(() => document.documentElement.lang)) === 'en');
  await ae.close();
  g.take();
  await ctx.close();
});

// ---- 3. verification by e-mail and by text message --------------------
await t.step('3a. a code by e-mail', async () => {
  const e = need(setup.email, 'email', ['token', 'recipient']);
  const ctx = await context();
  const { page, g } = await newPage(ctx, 'email');
  const link = base + e.token;
  await page.goto(link);
  t.check('email: no code field before a code was sent', (await page.locator('#code').count()) === 0);
  await expectPage(page, g, 'verification by e-mail', 'verify', 200, 'verify-email');
  const before = lastN(setup.dirs.ext);
  await submit(page, '#send-code');
  t.check('send-code: back to the link with ?sent=1', page.url() === `${link}?sent=1`, page.url());
  const to = ((await page.textContent('#sent-to').catch(() => '')) || '').trim();
  t.check(`#sent-to says where, masked (${JSON.stringify(to)})`, to.includes('*') && !to.includes(e.recipient));
  await expectPage(page, g, 'the code was sent', 'verify', 200, 'verify-sent');
  const mails = mailbox(setup.dirs.ext, '--after', String(before), '--rcpt', e.recipient, '--wait', '30');
  t.check('the code mail arrives at the recipient', mails.length === 1, `${mails.length} mails`);
  const m = mails[0] ? /\b(\d{6})\b/.exec(mails[0].text + mails[0].html) : null;
  t.check('... with a six-digit code', !!m);
  if (mails[0] && e.secret)
    t.check('... and nothing of the message', !(mails[0].subject + mails[0].text + mails[0].html).includes(e.secret));
  if (!m) return;
  await verifyWith(page, m[1]);
  t.check('the mailed code opens the message', page.url() === `${link}/m` && (await pageKind(page)) === 'message', page.url());
  g.take();
  await ctx.close();
});

await t.step('3b. a code by text message', async () => {
  const s = need(setup.sms, 'sms', ['token', 'phone']);
  const ctx = await context();
  const { page, g } = await newPage(ctx, 'sms');
  const link = base + s.token;
  await page.goto(link);
  await expectPage(page, g, 'verification by text message', 'verify', 200, 'verify-sms');
  const after = smsFiles(setup.dirs.sms).reduce((n, f) => Math.max(n, Number(f.slice(0, -5))), 0);
  await submit(page, '#send-code');
  const to = ((await page.textContent('#sent-to').catch(() => '')) || '').trim();
  t.check(`#sent-to shows the number masked (${JSON.stringify(to)})`, to.includes('*') && !to.replace(/\s/g, '').includes(s.phone.slice(3, 9)));
  g.take();
  const texts = await smsWait(setup.dirs.sms, after, s.phone, 30);
  t.check(`the gateway got one text for ${s.phone}, with the bearer token`, texts.length === 1, `${texts.length} texts`);
  const m = texts[0] ? /\b(\d{6})\b/.exec(texts[0].text) : null;
  t.check('... with a six-digit code and nothing of the message', !!m && (!s.secret || !texts[0].text.includes(s.secret)), texts[0] && texts[0].text);
  if (!m) return;
  // a POST from another origin is refused before it spends anything
  const cross = await post(`/p/${s.token}/verify`, { code: m[1] }, { Origin: 'http://attacker.example' });
  t.check('a POST with another Origin: refused, no session', cross.status >= 400 && cross.status < 500 && !cross.cookie, JSON.stringify(cross));
  const noOrigin = await fetch(`${link}/verify`, {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `code=${m[1]}`,
  });
  t.check('a POST without Origin: refused, no session', noOrigin.status >= 400 && noOrigin.status < 500 && !noOrigin.headers.get('set-cookie'),
    `${noOrigin.status}`);
  await verifyWith(page, m[1]);
  t.check('the texted code opens the message', page.url() === `${link}/m` && (await pageKind(page)) === 'message', page.url());
  g.take();
  // at most five codes an hour per link: the sixth send is too many
  const sends = [];
  for (let i = 2; i <= 6; i++) sends.push((await post(`/p/${s.token}/send`, {})).status);
  t.check(`sends 2 to 5 go (303), the sixth is too many (429): ${sends}`, sends.slice(0, 4).every((x) => x === 303) && sends[4] === 429);
  await ctx.close();
});

// ---- 4. a hostile HTML message ----------------------------------------
await t.step('4. a hostile HTML message shows none of its tricks', async () => {
  const h = need(setup.hostile, 'hostile', ['token', 'code', 'tracker_port', 'visible']);
  const hits = [];
  const tracker = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(204);
    res.end();
  });
  await new Promise((ok, no) => tracker.once('error', no).listen(h.tracker_port, '127.0.0.1', ok));
  try {
    const ctx = await context();
    const { page, g } = await newPage(ctx, 'hostile');
    const dialogs = [];
    page.on('dialog', (d) => dialogs.push(d.message()));
    const foreignBefore = foreign.length;
    const link = base + h.token;
    await page.goto(link);
    await verifyWith(page, h.code);
    await page.waitForLoadState('networkidle').catch(() => {});
    await page.waitForTimeout(1000);
    t.check('the hostile message opens, and stays: nothing in it navigated the page away',
      page.url() === `${link}/m` && (await pageKind(page)) === 'message', page.url());
    const js = await page.evaluate(() => ({ title: document.title, pwned: window.pwned === undefined ? null : String(window.pwned) }));
    t.check(`no script of the message ran (title ${JSON.stringify(js.title)}, window.pwned ${js.pwned})`, js.pwned === null && !/pwned/i.test(js.title));
    t.check('no dialog opened', dialogs.length === 0, JSON.stringify(dialogs));
    t.check('no request left for another origin (the browser\'s own record)', foreign.length === foreignBefore && g.foreign.length === 0,
      JSON.stringify(foreign.slice(foreignBefore).concat(g.foreign)));
    t.check(`nothing reached the tracker on port ${h.tracker_port}`, hits.length === 0, JSON.stringify(hits));
    const dom = await unsafeInBody(page, origin);
    t.check('#body holds no script, frame, object, form, style, event handler, style attribute, javascript: or remote source', dom.length === 0, dom.join('; '));
    const text = await page.locator('#body').textContent({ timeout: 2000 }).catch(() => '');
    t.check('... but shows the message\'s harmless text', (text || '').includes(h.visible));
    await expectPage(page, g, 'the hostile message', 'message', 200, 'message-html');
    if (h.attachment) {
      const r = await ctx.request.get(`${base}${h.token}/a/0`);
      const ah = r.headers();
      t.check(`an active attachment (${h.attachment}) is served as application/octet-stream, attachment, nosniff`,
        r.status() === 200 && (ah['content-type'] || '').startsWith('application/octet-stream') &&
          /^attachment;/.test(ah['content-disposition'] || '') && ah['x-content-type-options'] === 'nosniff', JSON.stringify(ah));
    }
    await ctx.close();
  } finally {
    tracker.close();
  }
});

// ---- the client address's limit ---------------------------------------
await t.step('5. twenty wrong codes from one client over several links: too many', async () => {
  const m = need(setup.many, 'many', ['tokens', 'codes', 'client']);
  if (m.tokens.length < 5) throw new Error('want five links');
  // sluis-portal trusts 127.0.0.1 as its proxy (the default): the client is
  // the last entry of X-Forwarded-For, whatever stands before it
  const statuses = [];
  for (let i = 0; i < 20; i++) {
    const tok = m.tokens[Math.floor(i / 5)];
    const xff = i % 2 ? m.client : `198.51.100.${i}, ${m.client}`;
    const r = await post(`/p/${tok}/verify`, { code: wrongCode(m.codes[Math.floor(i / 5)]) }, { 'X-Forwarded-For': xff });
    statuses.push(`${r.status}:${r.kind}`);
  }
  t.check('20 wrong codes over four links from one client: each refused as wrong or locked (403)',
    statuses.every((s) => /^403:(verify|locked)$/.test(s)), statuses.join(' '));
  const ctx = await context({ extraHTTPHeaders: { 'X-Forwarded-For': m.client } });
  const { page, g } = await newPage(ctx, 'too many');
  await page.goto(base + m.tokens[4]);
  g.take();
  await verifyWith(page, m.codes[4]);
  await expectPage(page, g, 'the 21st try, with the right code of a fifth link', 'too-many', 429, 'too-many');
  t.check('... no session for that client', (await ctx.cookies()).every((c) => c.name !== 'sluis_session'));
  await ctx.close();
  const other = await context({ extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.77' } });
  const p2 = await newPage(other, 'another client');
  await p2.page.goto(base + m.tokens[4]);
  await verifyWith(p2.page, m.codes[4]);
  t.check('another client opens that fifth link with its code', (await pageKind(p2.page)) === 'message', p2.page.url());
  p2.g.take();
  await other.close();
});

await browser.close();
process.exit(t.summary() ? 0 : 1);

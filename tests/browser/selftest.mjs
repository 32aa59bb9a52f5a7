// selftest.mjs - the browser harness itself, on pages of its own: chromium
// starts from Debian's package with a fresh profile, a page that keeps the
// portal's rules passes the guard and the accessibility check, and each
// kind of fault is caught: a CSP violation, a page error, a dialog, a
// missing stylesheet, missing security headers, an unlabelled form.
// Screenshots come out as PNGs of phone and desktop width.
//
// usage: node tests/browser/selftest.mjs WORK_DIR
// Prints ok/FAIL lines and "selftest: N passed, N failed"; exit 1 on a failure.

import http from 'node:http';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CSP, Results, a11y, guard, launch, pageKind, shoot, unsafeInBody } from './lib.mjs';

const work = process.argv[2];
if (!work) {
  console.error('usage: node selftest.mjs WORK_DIR');
  process.exit(2);
}
const t = new Results('selftest');

// a 1x1 PNG, for the icon
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4d80000000049454e44ae426082',
  'hex',
);
const head = (lang, title) =>
  `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>` +
  '<meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<link rel="icon" href="/static/icon.png"><link rel="stylesheet" href="/static/t.css"></head><body>';
const nav = '<nav id="lang"><a href="?lang=nl">NL</a> <a href="?lang=en">EN</a> <a href="?lang=fr">FR</a></nav>';
const good =
  head('nl', 'Bericht openen') + nav +
  '<main id="page-verify"><h1>Bericht openen</h1><form method="post" action="/verify">' +
  '<label for="code">Toegangscode</label> <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code">' +
  '<input type="hidden" name="csrf" value="x"><button id="verify-submit">Openen</button></form></main></body></html>';

const pages = {
  '/good': [200, true, good],
  '/gone': [410, true, head('en', 'Gone') + nav + '<main id="page-expired"><h1>Expired</h1><p>This message has expired.</p></main></body></html>'],
  '/inline': [200, true, head('en', 'x') + nav + '<main id="page-x"><h1 style="color:red">x</h1><script>window.ran = 1</script></main></body></html>'],
  '/throws': [200, 'script', head('en', 'x') + nav + '<main id="page-x"><h1>x</h1></main><script src="/static/throw.js"></script></body></html>'],
  '/alert': [200, 'script', head('en', 'x') + nav + '<main id="page-x"><h1>x</h1></main><script src="/static/alert.js"></script></body></html>'],
  '/nocss': [200, true, good.replace('/static/t.css', '/static/missing.css')],
  '/noheaders': [200, false, good],
  '/unlabelled': [200, true, '<!DOCTYPE html><html><head><title>x</title><link rel="icon" href="/static/icon.png"></head><body><h1>a</h1><h1>b</h1>' +
    '<main id="page-x"><input name="q"><button></button><a href="/x"></a><img src="/static/icon.png"></main></body></html>'],
};
// a message body as a careless portal would show it, and as a safe one does
const hostile =
  '<p>tekst</p><script>window.pwned = 1</script><img src="http://127.0.0.1:9/t.png" alt="">' +
  '<img src="x" onerror="window.pwned = 2" alt="x"><div style="background:url(http://127.0.0.1:9/b.png)">s</div>' +
  '<iframe src="http://127.0.0.1:9/f"></iframe><a href="javascript:window.pwned = 3">klik</a>' +
  '<svg><image href="http://127.0.0.1:9/s.png"/></svg><form action="http://127.0.0.1:9/x"><button>go</button></form>';
const safe = '<p>tekst</p><p><a href="http://127.0.0.1:9/link" rel="noopener noreferrer">een link</a></p>';
const message = (inner) =>
  head('nl', 'Bericht') + nav + `<main id="page-message"><h1 id="subject">Bericht</h1><section id="body"><div class="html">${inner}</div></section></main></body></html>`;
pages['/hostile'] = [200, true, message(hostile)];
pages['/safe'] = [200, true, message(safe)];

const statics = {
  '/static/t.css': ['text/css', 'body{font-family:sans-serif;margin:1rem}'],
  '/static/icon.png': ['image/png', PNG],
  '/static/throw.js': ['text/javascript', 'throw new Error("thrown on purpose")'],
  '/static/alert.js': ['text/javascript', 'alert("hello")'],
};

const srv = http.createServer((req, res) => {
  const path = req.url.split('?')[0];
  const s = statics[path];
  if (s) {
    res.writeHead(200, { 'Content-Type': s[0], 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=3600' });
    res.end(s[1]);
    return;
  }
  const p = pages[path];
  const h = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
  if (!p || p[1] !== false) {
    Object.assign(h, {
      'Content-Security-Policy': p && p[1] === 'script' ? CSP.replace("default-src 'none'", "default-src 'none'; script-src 'self'") : CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    });
  }
  res.writeHead(p ? p[0] : 404, h);
  res.end(p ? p[2] : 'not here');
});
await new Promise((r) => srv.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${srv.address().port}`;

const b = await launch(join(work, 'selftest'));
t.ok(`chromium ${b.browser.version()} starts headless from ${process.env.CHROMIUM || '/usr/bin/chromium'} with a fresh profile`);
const ctx = await b.browser.newContext();

// visit(path): a fresh page at path; its guard's problems and a11y findings
async function visit(path, fn) {
  const page = await ctx.newPage();
  const g = guard(page, origin, path);
  const resp = await page.goto(origin + path);
  await page.waitForLoadState('load');
  await page.waitForTimeout(300);
  if (fn) await fn(page);
  const out = { problems: g.take(), a11y: await a11y(page), status: resp.status(), kind: await pageKind(page), g };
  await page.close();
  return out;
}

await t.step('a page that keeps the rules', async () => {
  const r = await visit('/good', async (page) => {
    const files = await shoot(page, join(work, 'selftest-shots'), 'good');
    const widths = files.map((f) => readFileSync(f).readUInt32BE(16));
    t.check('screenshots at phone and desktop width are PNGs 390 and 1280 pixels wide', widths[0] === 390 && widths[1] === 1280, `widths ${widths}`);
  });
  t.check('a page that keeps the rules: no problems, accessible, page-verify', r.problems.length === 0 && r.a11y.length === 0 && r.kind === 'verify',
    JSON.stringify(r));
});
await t.step('an error status of the page itself', async () => {
  const r = await visit('/gone');
  t.check('a 410 page: its own status is not counted as a console error', r.status === 410 && r.problems.length === 0 && r.kind === 'expired', JSON.stringify(r));
});
await t.step('CSP violations', async () => {
  const r = await visit('/inline');
  const csp = r.problems.filter((p) => /Content Security Policy/.test(p));
  t.check('inline script and style attribute: caught as CSP violations', csp.length >= 2, JSON.stringify(r.problems));
  t.check('... and the accessibility check names the script and the style attribute',
    r.a11y.includes('a <script> element') && r.a11y.some((x) => /style attribute/.test(x)), JSON.stringify(r.a11y));
});
await t.step('page errors', async () => {
  const r = await visit('/throws');
  t.check('an uncaught exception: caught', r.problems.some((p) => /page error: thrown on purpose/.test(p)), JSON.stringify(r.problems));
});
await t.step('dialogs', async () => {
  const r = await visit('/alert');
  t.check('an alert: caught', r.problems.some((p) => /alert dialog opened/.test(p)), JSON.stringify(r.problems));
});
await t.step('missing stylesheet', async () => {
  const r = await visit('/nocss');
  t.check('a stylesheet answered 404: caught', r.problems.some((p) => /missing\.css/.test(p)), JSON.stringify(r.problems));
});
await t.step('missing headers', async () => {
  const r = await visit('/noheaders');
  t.check('a page without CSP, nosniff, no-referrer, DENY: caught, each',
    ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options'].every((h) => r.problems.some((p) => p.includes(`header ${h} `))),
    JSON.stringify(r.problems));
});
await t.step('accessibility faults', async () => {
  const r = await visit('/unlabelled');
  const want = [/html lang/, /2 h1 elements/, /has no label/, /<button> without a name/, /link to \/x without text/, /without alt/, /no <nav id="lang">/];
  const missing = want.filter((w) => !r.a11y.some((x) => w.test(x)));
  t.check('no lang, two h1, no language switch, an unlabelled input, a nameless button and link, an image without alt: each named',
    missing.length === 0, `${JSON.stringify(r.a11y)} missing ${missing}`);
});
await t.step('a message body that is not safe', async () => {
  let found = [];
  const r = await visit('/hostile', async (page) => {
    found = await unsafeInBody(page, origin);
  });
  const want = [/a <script>/, /<img onerror>/, /<div style=/, /a <iframe>/, /<a href="javascript:/, /<image href=.*points elsewhere/, /a <form>/, /<img src="http:\/\/127\.0\.0\.1:9\/t\.png"> points elsewhere/];
  const missing = want.filter((w) => !found.some((x) => w.test(x)));
  t.check('unsafeInBody names each trick of a raw hostile body', missing.length === 0, `missing ${missing}; found ${JSON.stringify(found)}`);
  t.check('... and the CSP stops its script and style, as console errors', r.problems.filter((p) => /Content Security Policy/.test(p)).length >= 2,
    JSON.stringify(r.problems));
  const s = await visit('/safe', async (page) => {
    found = await unsafeInBody(page, origin);
  });
  t.check('a safe body (text and a plain link elsewhere): nothing found, no problems', found.length === 0 && s.problems.length === 0,
    JSON.stringify([found, s.problems]));
});
await t.step('requests to other origins', async () => {
  const r = await visit('/good', async (page) => {
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = 'http://127.0.0.1:9/track';
      document.body.append(a);
    });
  });
  t.check('a link that is never followed makes no request elsewhere', r.g.foreign.length === 0, JSON.stringify(r.g.foreign));
});

await b.close();
srv.close();
rmSync(join(work, 'selftest'), { recursive: true, force: true });
process.exit(t.summary() ? 0 : 1);

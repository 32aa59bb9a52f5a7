// lib.mjs - what every browser test of sluis shares: Debian's chromium
// launched with a fresh profile, a guard on each page that turns console
// errors, page errors, CSP violations, failed same-origin requests, dialogs
// and missing security headers into failures, an accessibility sanity check
// of the DOM, screenshots at phone and desktop width, and the test's
// "ok"/"FAIL" lines with the closing "N passed, N failed".
//
// Nothing here downloads a browser: playwright-core only drives the
// chromium at CHROMIUM (default /usr/bin/chromium).

import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// the security headers every portal page carries (portal-contract.md)
export const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'";

// ---- results ----------------------------------------------------------

export class Results {
  constructor(name) {
    this.name = name;
    this.pass = 0;
    this.fail = 0;
  }

  ok(what) {
    this.pass++;
    console.log(`ok   ${what}`);
  }

  bad(what, detail) {
    this.fail++;
    console.log(`FAIL ${what}${detail ? `: ${detail}` : ''}`);
  }

  // check(what, cond, detail): cond true is a pass
  check(what, cond, detail) {
    if (cond) this.ok(what);
    else this.bad(what, detail);
    return !!cond;
  }

  // step(what, fn): run fn; a throw is a failure of what (the rest goes on)
  async step(what, fn) {
    try {
      await fn();
      return true;
    } catch (e) {
      const text = e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : String(e);
      this.bad(what, text.replace(/\x1b\[[0-9;]*m/g, '')); // playwright colours its call log
      return false;
    }
  }

  summary() {
    console.log(`${this.name}: ${this.pass} passed, ${this.fail} failed`);
    return this.fail === 0;
  }
}

// ---- the browser ------------------------------------------------------

// launch(work): chromium with a fresh profile under work (removed by
// close()); nothing of the machine's own profile is used
export async function launch(work) {
  mkdirSync(work, { recursive: true });
  const tmp = mkdtempSync(join(work, 'chromium-'));
  // playwright makes the user-data-dir (a new, empty profile) under the
  // temporary folder: keep it inside the test's own work folder
  process.env.TMPDIR = tmp;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

// ---- the guard on each page -------------------------------------------

const LOAD_FAILED = /^Failed to load resource: the server responded with a status of (\d+)/;

// guard(page, origin, label): watch page; problems() lists what went wrong
// since the last take(). Counted as problems:
//  - every console message of type error (CSP violations are console
//    errors in Chromium), except the one Chromium logs for a main document
//    answered with an error status: that status is the page's own (410 for
//    page-expired...) and the test asserts it itself;
//  - uncaught exceptions (pageerror), dialogs (alert, confirm, prompt);
//  - failed requests to the page's own origin (except those Chromium
//    cancels itself, net::ERR_ABORTED);
//  - a document of origin without the contract's security headers, a
//    static file without nosniff.
// docs is every main-frame document response (url, status), newest last.
// opts.csp: the Content-Security-Policy the pages carry (default CSP, the
// portal's); opts.icon: where the page's icon lives, for the hint when
// Chromium asks for /favicon.ico (default /p/static/...).
export function guard(page, origin, label, opts = {}) {
  const csp = opts.csp || CSP;
  const icon = opts.icon || '/p/static/...';
  const g = { problems: [], docs: [], foreign: [] };
  const docStatus = new Map(); // url -> status of main-frame documents
  page.on('response', (r) => {
    const req = r.request();
    const url = r.url();
    let o;
    try {
      o = new URL(url).origin;
    } catch {
      return;
    }
    if (o !== origin) return;
    const h = r.headers();
    const type = req.resourceType();
    if (type === 'document' && req.frame() === page.mainFrame()) {
      docStatus.set(url, r.status());
      g.docs.push({ url, status: r.status() });
      // Referrer-Policy: no-referrer makes Chromium send "Origin: null" on
      // the page's own form POSTs, so a portal that checks Origin needs
      // same-origin (no referrer to other sites, the origin to itself)
      const want = {
        'content-security-policy': [csp],
        'x-content-type-options': ['nosniff'],
        'referrer-policy': ['same-origin', 'no-referrer'],
        'x-frame-options': ['DENY'],
      };
      for (const [k, v] of Object.entries(want)) {
        if (!v.includes(h[k]))
          g.problems.push(`${label}: ${url} (${r.status()}): header ${k} is ${JSON.stringify(h[k])}, want ${v.map((x) => JSON.stringify(x)).join(' or ')}`);
      }
      if (r.status() < 300 || r.status() >= 400) {
        if (!/\bno-store\b/.test(h['cache-control'] || ''))
          g.problems.push(`${label}: ${url}: Cache-Control ${JSON.stringify(h['cache-control'])}, want no-store`);
      }
    } else if (h['x-content-type-options'] !== 'nosniff') {
      g.problems.push(`${label}: ${url} (${type}): no X-Content-Type-Options: nosniff`);
    }
  });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const loc = m.location() || {};
    const lf = LOAD_FAILED.exec(m.text());
    if (lf && docStatus.get(loc.url) === Number(lf[1])) return; // the page's own status
    const hint = /\/favicon\.ico$/.test(loc.url || '')
      ? ` - a page without <link rel="icon" href="${icon}"> makes Chromium ask for /favicon.ico`
      : '';
    g.problems.push(`${label}: console error: ${m.text()}${loc.url ? ` (${loc.url})` : ''}${hint}`);
  });
  page.on('pageerror', (e) => g.problems.push(`${label}: page error: ${e.message}`));
  page.on('dialog', (d) => {
    g.problems.push(`${label}: a ${d.type()} dialog opened: ${JSON.stringify(d.message())}`);
    d.dismiss().catch(() => {});
  });
  page.on('requestfailed', (r) => {
    let o;
    try {
      o = new URL(r.url()).origin;
    } catch {
      return;
    }
    if (o !== origin) return;
    const why = (r.failure() && r.failure().errorText) || '';
    // net::ERR_ABORTED is Chromium cancelling a load itself: the icon still
    // loading when the test moves to the next page, a download's navigation
    // handed to the download. An answer that was an error is a console
    // error besides; a broken connection has other codes
    if (why === 'net::ERR_ABORTED') return;
    g.problems.push(`${label}: request failed: ${r.method()} ${r.url()}: ${why}`);
  });
  page.on('request', (r) => {
    let o;
    try {
      o = new URL(r.url()).origin;
    } catch {
      o = r.url();
    }
    if (o !== origin && !r.url().startsWith('data:') && !r.url().startsWith('about:'))
      g.foreign.push(`${r.method()} ${r.url()}`);
  });
  g.take = () => {
    const p = g.problems;
    g.problems = [];
    return p;
  };
  g.lastDoc = () => g.docs[g.docs.length - 1] || { url: '', status: 0 };
  return g;
}

// ---- accessibility and the contract's page shape ----------------------

// a11y(page): what the page lacks, as a list of strings (empty: fine):
// html lang in nl/en/fr, one h1, a main#page-KIND, the language switch,
// every form control labelled, every button and link named, every image
// with alt, no inline script or style (the CSP would block them anyway).
// opts.main: the pattern of the <main>'s id (default page-KIND, the portal's)
export async function a11y(page, opts = {}) {
  const main = (opts.main || /^page-[a-z-]+$/).source;
  return page.evaluate((mainSource) => {
    const out = [];
    const lang = document.documentElement.getAttribute('lang') || '';
    if (!/^(nl|en|fr)$/.test(lang)) out.push(`html lang is ${JSON.stringify(lang)}`);
    const h1 = document.querySelectorAll('h1');
    if (h1.length !== 1) out.push(`${h1.length} h1 elements, want one`);
    else if (!h1[0].textContent.trim()) out.push('the h1 is empty');
    const mains = document.querySelectorAll('main');
    if (mains.length !== 1 || !new RegExp(mainSource).test(mains[0].id))
      out.push(`want one <main id="${mainSource}">, have ${[...mains].map((m) => m.id).join(',') || 'none'}`);
    if (!document.title.trim()) out.push('no <title>');
    const nav = document.querySelector('nav#lang');
    if (!nav) out.push('no <nav id="lang">');
    else {
      const hrefs = [...nav.querySelectorAll('a')].map((a) => a.getAttribute('href') || '');
      for (const l of ['nl', 'en', 'fr'])
        if (!hrefs.some((h) => h.includes(`lang=${l}`))) out.push(`the language switch has no link to ?lang=${l}`);
    }
    const named = (el) => {
      const lb = el.getAttribute('aria-labelledby');
      if (lb && lb.split(/\s+/).some((id) => (document.getElementById(id)?.textContent || '').trim())) return true;
      if ((el.getAttribute('aria-label') || '').trim()) return true;
      return false;
    };
    for (const el of document.querySelectorAll('input, textarea, select')) {
      const type = (el.getAttribute('type') || '').toLowerCase();
      if (type === 'hidden') continue;
      if (type === 'submit' || type === 'button' || type === 'reset') {
        if (!(el.value || '').trim() && !named(el)) out.push(`an <input type=${type}> without a name`);
        continue;
      }
      const byFor = el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      const wrapped = el.closest('label');
      const ok = (byFor && byFor.textContent.trim()) || (wrapped && wrapped.textContent.trim()) || named(el);
      if (!ok) out.push(`<${el.tagName.toLowerCase()}${el.id ? ` id=${el.id}` : ''} name=${el.getAttribute('name')}> has no label`);
    }
    for (const b of document.querySelectorAll('button')) {
      if (!b.textContent.trim() && !named(b) && !(b.getAttribute('title') || '').trim())
        out.push(`a <button${b.id ? ` id=${b.id}` : ''}> without a name`);
    }
    for (const a of document.querySelectorAll('a[href]')) {
      if (!a.textContent.trim() && !named(a) && !a.querySelector('img[alt]:not([alt=""])'))
        out.push(`a link to ${a.getAttribute('href')} without text`);
    }
    for (const img of document.querySelectorAll('img')) {
      if (!img.hasAttribute('alt')) out.push(`an <img src=${img.getAttribute('src')}> without alt`);
    }
    const ids = new Map();
    for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) || 0) + 1);
    for (const [id, n] of ids) if (n > 1) out.push(`id ${id} is used ${n} times`);
    if (document.querySelector('script')) out.push('a <script> element');
    if (document.querySelector('style')) out.push('a <style> element');
    // (an empty style="" is what a screenshot leaves behind: it hides the caret)
    const styled = document.querySelectorAll('[style]:not([style=""])');
    if (styled.length) out.push(`${styled.length} elements with a style attribute`);
    for (const el of document.querySelectorAll('*'))
      for (const at of el.attributes)
        if (/^on/i.test(at.name)) out.push(`<${el.tagName.toLowerCase()}> has an ${at.name} attribute`);
    return out;
  }, main);
}

// unsafeInBody(page, origin): what in #body could run, load or hide
// something (empty list: nothing): script, frames, objects, forms, style
// elements and attributes, event handlers, javascript:/data: URLs, url()
// in any attribute, and any source (src, srcset, poster, ...) that is not
// origin. A link (<a href>) elsewhere is allowed: it loads nothing by itself.
// There must be a <div class="html"> (the safe HTML's container).
export async function unsafeInBody(page, origin) {
  return page.evaluate((o) => {
    const out = [];
    const body = document.querySelector('#body');
    if (!body) return ['no #body'];
    const bad = 'script, iframe, frame, frameset, object, embed, applet, base, meta, link, style, form, portal, template';
    for (const el of body.querySelectorAll(bad)) out.push(`a <${el.tagName.toLowerCase()}>`);
    const sources = ['src', 'srcset', 'poster', 'background', 'action', 'formaction', 'xlink:href', 'data', 'ping', 'lowsrc', 'dynsrc'];
    for (const el of [body, ...body.querySelectorAll('*')]) {
      const tag = el.tagName.toLowerCase();
      for (const at of el.attributes) {
        const n = at.name.toLowerCase();
        const v = at.value.replace(/[\s\u0000-\u001f]/g, '');
        if (n.startsWith('on')) out.push(`<${tag} ${n}>`);
        if (n === 'style') out.push(`<${tag} style="${at.value}">`);
        if (/^(javascript|vbscript|data):/i.test(v)) out.push(`<${tag} ${n}="${at.value}">`);
        if (/url\(/i.test(v)) out.push(`<${tag} ${n}> with url()`);
        if (sources.includes(n) || (n === 'href' && tag !== 'a' && tag !== 'area')) {
          for (const u of at.value.split(',')) {
            try {
              if (new URL(u.trim().split(/\s+/)[0], location.href).origin !== o) out.push(`<${tag} ${n}="${at.value}"> points elsewhere`);
            } catch {
              /* not a URL */
            }
          }
        }
      }
    }
    if (!body.querySelector('.html')) out.push('no <div class="html">');
    return out;
  }, origin);
}

// pageKind(page): the KIND of <main id="page-KIND">, or ""
export async function pageKind(page) {
  return page.evaluate(() => {
    const m = document.querySelector('main[id^="page-"]');
    return m ? m.id.slice(5) : '';
  });
}

// ---- screenshots ------------------------------------------------------

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};

// shoot(page, dir, name): name-phone.png and name-desktop.png (full page),
// then the viewport the page had; returns the file names
export async function shoot(page, dir, name) {
  mkdirSync(dir, { recursive: true });
  const before = page.viewportSize();
  const files = [];
  for (const [kind, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    const f = join(dir, `${name}-${kind}.png`);
    await page.screenshot({ path: f, fullPage: true });
    files.push(f);
  }
  if (before) await page.setViewportSize(before);
  return files;
}

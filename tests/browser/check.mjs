#!/usr/bin/env node
// Load web pages in headless Chromium and check them like a careful visitor.
//
// Usage: node tests/browser/check.mjs SPEC.json
//
// The Rust tests start the real Vores binary, write a SPEC naming the pages it
// serves, and run this script (usually through tests/with-browser.sh, which
// installs Chromium and the npm packages first). For every page and viewport
// it fails on:
//   - a main document that does not load (network error or HTTP status >= 400)
//   - console errors, uncaught page exceptions and failed requests
//   - an `expect` string missing from the visible text (document.body.innerText)
//   - an `absent` string present in the HTML (as served or after scripts ran)
//     or in the visible text
//   - a wrong <html lang> (when `lang` is given)
//   - axe-core WCAG 2.0/2.1 A/AA violations of impact serious or critical
//   - on the phone viewport, a page wider than the 390px screen (horizontal
//     scroll; documentElement.scrollWidth > 391)
// and saves a full-page screenshot of each. After 'load' it waits up to 3 s
// for the network to go idle, so late fetches and script errors count too.
// Note that Chromium asks for /favicon.ico on pages without <link rel=icon>;
// a 404 there is a console error, hence a failure.
//
// SPEC:
//   {
//     "out": "/abs/dir",             screenshots + results.json go here (created)
//     "timeoutSeconds": 120,         optional: overall limit, then exit 1
//     "pages": [{
//       "name": "calendar",          [A-Za-z0-9._-]+, used in file names
//       "url": "http://127.0.0.1:PORT/g/ishoj",
//       "expect": ["visible text"],  optional, default []
//       "absent": ["never shown"],   optional, default []
//       "viewports": ["desktop", "phone"],  optional, default both
//       "lang": "da",                optional: expected <html lang>
//       "noscript": false            optional: also load with JavaScript off
//     }]                             and check errors/expect/absent/lang again
//   }
//
// Exit status: 0 all passed, 1 a check failed (or timeout / browser trouble),
// 2 bad usage or bad SPEC.
//
// Environment: VORES_TEST_CHROMIUM (default /usr/bin/chromium).

import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const AXE_PATH = join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
const CHROMIUM = process.env.VORES_TEST_CHROMIUM || '/usr/bin/chromium';
const NAV_TIMEOUT_MS = 20_000;
const SETTLE_MS = 3_000; // after 'load', wait up to this long for network idle
const DEFAULT_TIMEOUT_S = 120;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_FAIL_IMPACTS = new Set(['serious', 'critical']);
const MAX_TARGETS = 3;

const VIEWPORTS = {
    desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
    phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
};

// Flags that keep Chromium quiet and offline apart from the pages we load.
const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
];

// ------------------------------------------------------------------- spec --

class SpecError extends Error {}

function loadSpec(path) {
    let raw;
    try {
        raw = readFileSync(path, 'utf8');
    } catch (e) {
        throw new SpecError(`cannot read ${path}: ${e.message}`);
    }
    let spec;
    try {
        spec = JSON.parse(raw);
    } catch (e) {
        throw new SpecError(`${path} is not valid JSON: ${e.message}`);
    }
    const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
    const strList = (v, what) => {
        if (v === undefined) return [];
        if (!Array.isArray(v) || !v.every((s) => typeof s === 'string' && s.length > 0))
            throw new SpecError(`${what} must be a list of non-empty strings`);
        return v;
    };
    const onlyKeys = (o, keys, what) => {
        for (const k of Object.keys(o))
            if (!keys.includes(k)) throw new SpecError(`${what}: unknown key "${k}" (known: ${keys.join(', ')})`);
    };

    if (!isObj(spec)) throw new SpecError('SPEC must be a JSON object');
    onlyKeys(spec, ['out', 'pages', 'timeoutSeconds'], 'SPEC');
    if (typeof spec.out !== 'string' || !spec.out) throw new SpecError('"out" must be a directory path');
    let timeoutSeconds = DEFAULT_TIMEOUT_S;
    if (spec.timeoutSeconds !== undefined) {
        if (typeof spec.timeoutSeconds !== 'number' || !(spec.timeoutSeconds > 0))
            throw new SpecError('"timeoutSeconds" must be a positive number');
        timeoutSeconds = spec.timeoutSeconds;
    }
    if (!Array.isArray(spec.pages) || spec.pages.length === 0)
        throw new SpecError('"pages" must be a non-empty list');

    const names = new Set();
    const pages = spec.pages.map((p, i) => {
        const what = `pages[${i}]`;
        if (!isObj(p)) throw new SpecError(`${what} must be an object`);
        onlyKeys(p, ['name', 'url', 'expect', 'absent', 'viewports', 'lang', 'noscript'], what);
        if (typeof p.name !== 'string' || !/^[A-Za-z0-9._-]+$/.test(p.name))
            throw new SpecError(`${what}.name must match [A-Za-z0-9._-]+`);
        if (names.has(p.name)) throw new SpecError(`${what}.name "${p.name}" is used twice`);
        names.add(p.name);
        let url;
        try {
            url = new URL(p.url);
        } catch {
            throw new SpecError(`${what}.url is not a valid URL: ${JSON.stringify(p.url)}`);
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
            throw new SpecError(`${what}.url must be http(s)`);
        const viewports = p.viewports === undefined ? ['desktop', 'phone'] : strList(p.viewports, `${what}.viewports`);
        for (const v of viewports)
            if (!(v in VIEWPORTS))
                throw new SpecError(`${what}.viewports: unknown viewport "${v}" (known: ${Object.keys(VIEWPORTS).join(', ')})`);
        if (viewports.length === 0) throw new SpecError(`${what}.viewports must not be empty`);
        if (p.lang !== undefined && (typeof p.lang !== 'string' || !p.lang))
            throw new SpecError(`${what}.lang must be a non-empty string`);
        if (p.noscript !== undefined && typeof p.noscript !== 'boolean')
            throw new SpecError(`${what}.noscript must be true or false`);
        return {
            name: p.name,
            url: url.href,
            expect: strList(p.expect, `${what}.expect`),
            absent: strList(p.absent, `${what}.absent`),
            viewports: [...new Set(viewports)],
            lang: p.lang,
            noscript: p.noscript === true,
        };
    });
    return { out: resolve(spec.out), pages, timeoutSeconds };
}

// ------------------------------------------------------------------ checks --

const squash = (s) => s.replace(/\s+/g, ' ').trim();
const short = (s, n = 300) => (s.length > n ? s.slice(0, n) + '…' : s);

async function checkOne(browser, page, viewportName, script, out, axeSource) {
    const label = `${page.name} ${viewportName}${script ? '' : ' noscript'}`;
    const file = `${page.name}-${viewportName}${script ? '' : '-noscript'}.png`;
    const result = {
        name: page.name,
        viewport: viewportName,
        javascript: script,
        url: page.url,
        label,
        ok: false,
        failures: [],
        status: null,
        screenshot: null,
        axe: null,
        durationMs: 0,
    };
    const fail = (msg) => result.failures.push(msg);
    const t0 = Date.now();
    let context;
    try {
        context = await browser.newContext({
            ...VIEWPORTS[viewportName],
            javaScriptEnabled: script,
            ignoreHTTPSErrors: false,
        });
        const tab = await context.newPage();
        tab.setDefaultTimeout(NAV_TIMEOUT_MS);

        // Collected for the whole life of the page, axe run included.
        const problems = [];
        tab.on('console', (msg) => {
            if (msg.type() !== 'error') return;
            const loc = msg.location();
            const where = loc && loc.url ? ` (${loc.url}${loc.lineNumber ? `:${loc.lineNumber}` : ''})` : '';
            problems.push(`console error: ${short(msg.text())}${where}`);
        });
        tab.on('pageerror', (err) => {
            problems.push(`uncaught exception: ${short(String(err && err.message ? err.message : err))}`);
        });
        tab.on('requestfailed', (req) => {
            const why = req.failure() ? req.failure().errorText : 'failed';
            problems.push(`request failed: ${req.method()} ${req.url()} (${why})`);
        });

        let response;
        try {
            response = await tab.goto(page.url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
        } catch (e) {
            fail(`could not load ${page.url}: ${short(e.message.split('\n')[0])}`);
            result.failures.push(...problems);
            return result;
        }
        result.status = response ? response.status() : null;
        if (!response) fail(`no response for ${page.url}`);
        else if (response.status() >= 400) fail(`HTTP ${response.status()} for ${page.url}`);
        // Let late requests and scripts (fetches, map tiles…) finish or fail.
        await tab.waitForLoadState('networkidle', { timeout: SETTLE_MS }).catch(() => {});

        // -- visible text / HTML
        // The phone's CSS width, not window.innerWidth: with mobile emulation
        // Chromium zooms out to fit over-wide content and innerWidth grows
        // with it (908 for a 900px box), hiding the very overflow we look for.
        // A page without <meta name=viewport> gets a 980px layout and fails.
        const screenWidth = VIEWPORTS[viewportName].viewport.width;
        const { text, html, lang, scrollWidth, wide } = await tab.evaluate((vw) => {
            const wide = [];
            if (document.documentElement.scrollWidth > vw + 1) {
                // Name a few elements sticking out on the right, for debugging.
                const describe = (el) => {
                    let s = el.tagName.toLowerCase();
                    if (el.id) s += '#' + el.id;
                    if (typeof el.className === 'string' && el.className.trim())
                        s += '.' + el.className.trim().split(/\s+/).join('.');
                    return s;
                };
                for (const el of document.body ? document.body.querySelectorAll('*') : []) {
                    const r = el.getBoundingClientRect();
                    if (r.width > 0 && r.right > vw + 1) {
                        wide.push(`${describe(el)} (right edge ${Math.round(r.right)}px)`);
                        if (wide.length >= 3) break;
                    }
                }
            }
            return {
                text: document.body ? document.body.innerText : '',
                html: document.documentElement.outerHTML,
                lang: document.documentElement.getAttribute('lang'),
                scrollWidth: document.documentElement.scrollWidth,
                wide,
            };
        }, screenWidth);
        const visible = squash(text);
        for (const want of page.expect)
            if (!visible.includes(squash(want))) fail(`expected visible text not found: ${JSON.stringify(want)}`);
        let served = '';
        if (response) served = await response.text().catch(() => '');
        for (const bad of page.absent) {
            const where = [];
            if (served.includes(bad)) where.push('served HTML');
            if (html.includes(bad)) where.push('page HTML');
            if (visible.includes(squash(bad))) where.push('visible text');
            if (where.length) fail(`text that must not appear was found in ${where.join(', ')}: ${JSON.stringify(bad)}`);
        }
        if (page.lang !== undefined && lang !== page.lang)
            fail(`<html lang> is ${lang === null ? 'missing' : JSON.stringify(lang)}, expected ${JSON.stringify(page.lang)}`);
        if (viewportName === 'phone' && scrollWidth > screenWidth + 1)
            fail(
                `horizontal scroll on phone: page is ${scrollWidth}px wide, screen ${screenWidth}px` +
                    (wide.length ? `; e.g. ${wide.join(', ')}` : ''),
            );

        // -- screenshot
        const shot = join(out, file);
        try {
            await tab.screenshot({ path: shot, fullPage: true });
            result.screenshot = shot;
        } catch (e) {
            fail(`screenshot failed: ${short(e.message.split('\n')[0])}`);
        }

        // -- accessibility (with scripts on only: axe needs to run in the page)
        if (script) {
            // Evaluated rather than added as an inline <script> so that a page
            // with a strict Content-Security-Policy neither blocks axe nor
            // logs a CSP console error of our own making.
            await tab.evaluate(axeSource);
            const axe = await tab.evaluate(async (tags) => {
                // eslint-disable-next-line no-undef
                const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
                return r.violations.map((v) => ({
                    id: v.id,
                    impact: v.impact,
                    help: v.help,
                    helpUrl: v.helpUrl,
                    nodes: v.nodes.length,
                    targets: v.nodes.map((n) => n.target.map(String).join(' ')),
                }));
            }, AXE_TAGS);
            const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
            for (const v of axe) counts[v.impact] = (counts[v.impact] || 0) + 1;
            result.axe = { counts, violations: axe };
            for (const v of axe) {
                if (!AXE_FAIL_IMPACTS.has(v.impact)) continue;
                const more = v.targets.length > MAX_TARGETS ? ` (+${v.targets.length - MAX_TARGETS} more)` : '';
                fail(
                    `axe ${v.impact} ${v.id}: ${v.help} — ${v.targets.slice(0, MAX_TARGETS).join(' | ')}${more} [${v.helpUrl}]`,
                );
            }
        }

        result.failures.push(...problems);
    } catch (e) {
        fail(`check crashed: ${short(e.message.split('\n')[0])}`);
    } finally {
        if (context) await context.close().catch(() => {});
        result.durationMs = Date.now() - t0;
        result.ok = result.failures.length === 0;
    }
    return result;
}

// -------------------------------------------------------------------- main --

function writeResults(out, results, extra) {
    const doc = {
        ok: extra.ok,
        ...extra,
        passed: results.filter((r) => r.ok).length,
        failed: results.filter((r) => !r.ok).length,
        runs: results,
    };
    try {
        writeFileSync(join(out, 'results.json'), JSON.stringify(doc, null, 2) + '\n');
    } catch (e) {
        console.error(`check: cannot write ${join(out, 'results.json')}: ${e.message}`);
    }
}

function line(r) {
    const c = r.axe ? r.axe.counts : null;
    const axe = c
        ? ` (axe: ${c.critical ? `${c.critical} critical, ` : ''}${c.serious} serious, ${c.moderate} moderate${c.minor ? `, ${c.minor} minor` : ''})`
        : r.javascript
          ? ''
          : ' (no axe: JavaScript off)';
    return `${r.ok ? 'ok' : 'FAIL'} ${r.label}${axe}`;
}

async function main() {
    if (process.argv.length !== 3 || process.argv[2].startsWith('-')) {
        console.error('usage: node tests/browser/check.mjs SPEC.json');
        return 2;
    }
    let spec;
    try {
        spec = loadSpec(process.argv[2]);
    } catch (e) {
        if (e instanceof SpecError) {
            console.error(`check: bad spec: ${e.message}`);
            return 2;
        }
        throw e;
    }
    try {
        mkdirSync(spec.out, { recursive: true });
    } catch (e) {
        console.error(`check: cannot create out dir ${spec.out}: ${e.message}`);
        return 2;
    }
    let axeSource;
    try {
        axeSource = readFileSync(AXE_PATH, 'utf8');
    } catch (e) {
        console.error(`check: cannot read ${AXE_PATH} (run npm ci in ${HERE}): ${e.message}`);
        return 1;
    }

    const started = Date.now();
    const results = [];
    let browser;
    let current = null; // label of the check in progress, for the timeout message
    let timer;
    const timeout = new Promise((res) => {
        timer = setTimeout(() => res('timeout'), spec.timeoutSeconds * 1000);
    });

    const work = (async () => {
        try {
            // Playwright gives the browser a fresh, empty profile dir of its own
            // and deletes it on close (it refuses --user-data-dir with launch()).
            browser = await chromium.launch({
                executablePath: CHROMIUM,
                headless: true,
                args: CHROMIUM_ARGS,
                timeout: 30_000,
            });
        } catch (e) {
            console.error(`check: cannot start Chromium (${CHROMIUM}): ${e.message.split('\n').slice(0, 3).join(' / ')}`);
            return 'nobrowser';
        }
        for (const page of spec.pages) {
            const variants = page.noscript ? [true, false] : [true];
            for (const viewport of page.viewports) {
                for (const script of variants) {
                    current = `${page.name} ${viewport}${script ? '' : ' noscript'}`;
                    const r = await checkOne(browser, page, viewport, script, spec.out, axeSource);
                    results.push(r);
                    console.log(line(r));
                    for (const f of r.failures) console.log(`    ${f}`);
                }
            }
        }
        current = null;
        return 'done';
    })();

    let outcome;
    let stuck = null;
    try {
        outcome = await Promise.race([work, timeout]);
        stuck = current;
    } finally {
        clearTimeout(timer);
        // Don't let a stuck browser stall shutdown either.
        if (browser)
            await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    let ok = outcome === 'done' && failed === 0;
    let note = '';
    if (outcome === 'timeout')
        note = `timed out after ${spec.timeoutSeconds} s${stuck ? ` while checking ${stuck}` : ''}`;
    if (outcome === 'nobrowser') note = 'Chromium did not start';
    writeResults(spec.out, results, {
        ok,
        outcome,
        chromium: CHROMIUM,
        browserVersion: browser ? browser.version() : null,
        durationMs: Date.now() - started,
    });
    console.log(
        `${ok ? 'PASS' : 'FAIL'}: ${passed} passed, ${failed} failed` +
            (note ? `, ${note}` : '') +
            ` in ${seconds} s; screenshots and results.json in ${spec.out}`,
    );
    return ok ? 0 : 1;
}

main().then(
    (code) => process.exit(code),
    (e) => {
        console.error(`check: internal error: ${e && e.stack ? e.stack : e}`);
        process.exit(1);
    },
);

// Browser test of the explorer page (graph.html, issue 11), in Debian's headless Chromium driven
// by playwright-core. Run by scripts/test-browser, which installs both and builds the pages:
//
//   node tests/browser/explorer_test.mjs --page NAME=PATH [--page NAME=PATH ...]
//        [--screenshot PNG] [--screenshot-big PNG]
//
// On every page, with the network off and every request counted: the page renders, the summary
// bar and the drawing hold the page's graph, a search for the best-connected node finds it and
// jumps to it, a click on it in the drawing opens its panel, a click on one of its edges (in the
// panel, then in the drawing) shows the edge's evidence sentences with the names highlighted,
// the filters hide a type, the zoom buttons zoom; and the page asked for nothing. Prints the
// page size and time to first render of each page, and "N passed, M failed" last. The first
// page's screenshot (its edge panel open) is the README's.
import {createRequire} from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
// playwright-core lives in .cache/npm (scripts/setup-browser), not in a package.json of the repo.
const require = createRequire(path.join(root, '.cache', 'npm', 'package.json'));
const {chromium} = require('playwright-core');

// The flags Chromium needs on a machine with a closed network (and as root, --no-sandbox):
// without the background-networking ones it keeps trying to reach Google's hosts.
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = {width: 1440, height: 880};

function parseArgs(argv) {
  const args = {pages: [], screenshot: null, screenshotBig: null};
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--page') {
      const [name, file] = argv[++i].split(/=(.*)/s);
      args.pages.push({name, file: path.resolve(file)});
    } else if (argv[i] === '--screenshot') {
      args.screenshot = path.resolve(argv[++i]);
    } else if (argv[i] === '--screenshot-big') {
      args.screenshotBig = path.resolve(argv[++i]);
    } else {
      throw new Error('unknown argument ' + argv[i]);
    }
  }
  if (args.pages.length === 0) throw new Error('give at least one --page NAME=PATH');
  return args;
}

let passed = 0;
let failed = 0;
function check(what, ok, detail) {
  if (ok) {
    ++passed;
    console.log('  ok    ' + what);
  } else {
    ++failed;
    console.log('  FAIL  ' + what + (detail === undefined ? '' : ': ' + detail));
  }
  return ok;
}

function kilobytes(bytes) {
  return bytes >= 1e6 ? (bytes / 1e6).toFixed(1) + ' MB' : (bytes / 1e3).toFixed(0) + ' KB';
}

// The graph the page carries, read the way the page's script reads it.
async function pageGraph(page) {
  return page.evaluate(() => JSON.parse(document.getElementById('graph-data').textContent));
}

// The best-connected node with at least one edge, and what to type to find it: an alias other
// than its label when it has one (so the search by alias is exercised), else its label.
function searchTarget(graph) {
  const degree = graph.nodes.map(() => 0);
  for (const edge of graph.edges) {
    degree[edge.source]++;
    degree[edge.target]++;
  }
  let best = 0;
  degree.forEach((d, i) => { if (d > degree[best]) best = i; });
  const node = graph.nodes[best];
  const alias = node.aliases.find((a) => a !== node.label && a.length >= 3);
  return {index: best, query: alias || node.label};
}

// A point of edge j's path in page coordinates where the edge itself is the topmost thing.
async function pointOnEdge(page, j) {
  return page.evaluate((j) => {
    const edge = document.getElementById('e' + j);
    const path = edge.querySelector('path:not(.hit)');
    const length = path.getTotalLength();
    const matrix = path.getScreenCTM();
    for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.15, 0.85, 0.1, 0.9, 0.35, 0.65, 0.25, 0.75]) {
      const p = path.getPointAtLength(length * f).matrixTransform(matrix);
      const hit = document.elementFromPoint(p.x, p.y);
      if (hit && hit.closest('.edge') === edge) return {x: p.x, y: p.y};
    }
    return null;
  }, j);
}

// A point of the canvas with no node, edge or button under it.
async function emptyPoint(page) {
  return page.evaluate(() => {
    const canvas = document.getElementById('canvas');
    const rect = canvas.getBoundingClientRect();
    for (let y = rect.top + 10; y < rect.bottom; y += 23) {
      for (let x = rect.left + 10; x < rect.right; x += 23) {
        const hit = document.elementFromPoint(x, y);
        if (hit && canvas.contains(hit) && !hit.closest('.node, .edge, #zoom-controls')) return {x, y};
      }
    }
    return null;
  });
}

async function testPage(context, {name, file}, screenshot) {
  console.log(`${name}: ${file}`);
  const size = fs.statSync(file).size;
  const url = pathToFileURL(file).href;
  const page = await context.newPage();
  // A 2,000-article page on a busy 2-core machine can take a while to parse and restyle.
  page.setDefaultTimeout(120000);
  const requests = [];
  const errors = [];
  page.on('request', (request) => { if (request.url() !== url) requests.push(request.url()); });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });

  const start = Date.now();
  await page.goto(url, {waitUntil: 'load', timeout: 120000});
  await page.waitForSelector('html[data-ready="true"]', {timeout: 120000});
  await page.waitForFunction(() => window.explorerTimings && window.explorerTimings.firstFrameMs !== null);
  const wallMs = Date.now() - start;
  const timings = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {fcp: paint ? paint.startTime : NaN, scriptStart: window.explorerTimings.scriptStartMs,
      ready: window.explorerTimings.readyMs, firstFrame: window.explorerTimings.firstFrameMs};
  });
  const graph = await pageGraph(page);
  check('the page renders and its script starts', true);

  const summary = await page.textContent('#summary');
  check('the summary bar counts the articles, nodes and edges',
    summary.includes(`${graph.articles.length} article`) && summary.includes(`${graph.nodes.length} node`) &&
    summary.includes(`${graph.edges.length} edge`), summary);
  const drawn = await page.evaluate(() => [document.querySelectorAll('svg g.node').length,
    document.querySelectorAll('svg g.edge').length, document.querySelectorAll('svg g.node[id^="n"]').length]);
  check('the drawing has one node per node and one edge per edge of the data',
    drawn[0] === graph.nodes.length && drawn[1] === graph.edges.length && drawn[2] === graph.nodes.length,
    `${drawn[0]} nodes, ${drawn[1]} edges drawn; data ${graph.nodes.length}, ${graph.edges.length}`);
  const legendRows = await page.locator('#legend input[type=checkbox]').count();
  const types = new Set(graph.nodes.map((n) => n.type)).size + new Set(graph.edges.map((e) => e.type)).size;
  check('the legend has a row per node type and edge type', legendRows === types, `${legendRows} rows, ${types} types`);

  // Search by name or alias, pick the node from the list: its panel opens and the view centres on it.
  const target = searchTarget(graph);
  const node = graph.nodes[target.index];
  await page.click('#search-input');
  await page.keyboard.type(target.query, {delay: 10});
  const result = page.locator(`#search-results li[data-node="${target.index}"]`);
  check(`searching "${target.query}" lists ${node.label}`, await result.count() === 1);
  await result.click();
  await page.waitForSelector('#details:not([hidden]) h2');
  check('choosing it opens its panel', (await page.textContent('#details h2')) === node.label,
    await page.textContent('#details h2'));
  const centred = await page.evaluate((i) => {
    const box = document.getElementById('n' + i).getBoundingClientRect();
    const canvas = document.getElementById('canvas').getBoundingClientRect();
    return Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2)) < 30 &&
      Math.abs(box.y + box.height / 2 - (canvas.y + canvas.height / 2)) < 30;
  }, target.index);
  check('and jumps to it in the drawing', centred);

  // A click on the background (only the selection's own edges take clicks) closes the panel.
  const empty = await emptyPoint(page);
  if (check('the drawing has an empty spot in view', empty !== null)) {
    await page.mouse.click(empty.x, empty.y);
    check('a click on the background closes the panel', await page.isHidden('#details'));
  }

  // Click the node in the drawing itself.
  await page.locator(`#n${target.index}`).click();
  await page.waitForSelector('#details:not([hidden]) h2');
  const panel = await page.textContent('#details');
  check('a click on the node in the drawing opens its panel with aliases, counts and sources',
    (await page.textContent('#details h2')) === node.label && panel.includes(`Aliases (${node.aliases.length})`) &&
    panel.includes(`Sources (${node.sources.length})`) && panel.includes('mentions') &&
    node.sources.every((id) => panel.includes(id)), panel.slice(0, 300));

  // One of its edges, from the panel: type, weight, and every evidence sentence, names marked.
  const edgeLink = page.locator('#details .edge-link').first();
  const j = Number(await edgeLink.getAttribute('data-edge'));
  const edge = graph.edges[j];
  await edgeLink.click();
  await page.waitForSelector('#details .evidence');
  const quotes = await page.locator('#details .evidence blockquote').allTextContents();
  const marks = await page.locator('#details .evidence mark').allTextContents();
  check(`a click on its edge (${edge.type}) shows the edge's type and weight`,
    (await page.textContent('#details h2')) === edge.type &&
    (await page.textContent('#details .facts')).includes(`weight${edge.weight} sentence`));
  check('the evidence panel shows every sentence of the edge',
    quotes.length === edge.evidence.length && edge.evidence.every((e, k) => quotes[k] === e.sentence),
    JSON.stringify(quotes.slice(0, 2)));
  const names = [graph.nodes[edge.source], graph.nodes[edge.target]].flatMap((n) => [n.label, ...n.aliases]
    .map((s) => s.toLowerCase()));
  check('with the entity names highlighted', marks.length > 0 && marks.every((m) => names.includes(m.toLowerCase())),
    JSON.stringify(marks));
  const evidenceArticle = await page.textContent('#details .evidence .meta code');
  check('and the article of each sentence', evidenceArticle === edge.evidence[0].article, evidenceArticle);
  if (screenshot) {
    // The whole graph, the edge and its two nodes standing out, its evidence beside it.
    await page.click('#zoom-controls button[aria-label="Fit"]');
    fs.mkdirSync(path.dirname(screenshot), {recursive: true});
    await page.screenshot({path: screenshot});
    console.log(`  screenshot ${path.relative(root, screenshot)}`);
  }

  // One of its edges clicked in the drawing, the node selected again from the edge's panel (a
  // hub's edges crowd each other near it: the first one whose path can be reached is taken).
  await page.locator(`#details .node-link[data-node="${target.index}"]`).click();
  const incident = await page.locator('#details .edge-link').evaluateAll((links) =>
    links.map((link) => Number(link.dataset.edge)));
  let reached = null;
  for (const k of incident.slice(0, 50)) {
    const point = await pointOnEdge(page, k);
    if (point) {
      reached = {k, point};
      break;
    }
  }
  if (check('one of its edges can be reached in the drawing', reached !== null)) {
    await page.mouse.click(reached.point.x, reached.point.y);
    await page.waitForSelector('#details:not([hidden]) .evidence');
    check(`a click on that edge (${graph.edges[reached.k].type}) in the drawing opens its evidence`,
      (await page.locator('#details .evidence blockquote').first().textContent()) ===
        graph.edges[reached.k].evidence[0].sentence);
  }

  // Filters: untick the node's type, its node disappears; tick it again.
  const box = page.locator(`#legend input[data-kind="node"][data-type="${node.type}"]`);
  await box.uncheck();
  check(`unticking ${node.type} hides its nodes`, await page.isHidden(`#n${target.index}`));
  await box.check();
  check(`ticking ${node.type} shows them again`, await page.isVisible(`#n${target.index}`));
  const edgeBox = page.locator(`#legend input[data-kind="edge"][data-type="${edge.type}"]`);
  await edgeBox.uncheck();
  check(`unticking ${edge.type} hides its edges`, await page.isHidden(`#e${j}`));
  await edgeBox.check();

  // Zoom buttons.
  await page.click('#zoom-controls button[aria-label="Fit"]');
  const before = await page.evaluate(() => document.querySelector('#canvas svg').viewBox.baseVal.width);
  await page.click('#zoom-controls button[aria-label="Zoom in"]');
  const after = await page.evaluate(() => document.querySelector('#canvas svg').viewBox.baseVal.width);
  check('the zoom-in button zooms in', after < before * 0.8, `${before} -> ${after}`);
  await page.click('#zoom-controls button[aria-label="Fit"]');

  check('no script error', errors.length === 0, errors.join(' | '));
  check('the page made no network request', requests.length === 0, requests.slice(0, 5).join(' '));
  await page.close();
  return {name, size, wallMs, timings, nodes: graph.nodes.length, edges: graph.edges.length,
    articles: graph.articles.length, requests: requests.length};
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS, viewport: VIEWPORT, offline: true,
  });
  // Belt and braces: with the context offline, any request that is not the page itself fails;
  // the 'request' listener in testPage counts it either way.
  await context.route((url) => url.protocol !== 'file:', (route) => route.abort());
  const figures = [];
  try {
    for (const [k, page] of args.pages.entries()) {
      const screenshot = k === 0 ? args.screenshot : args.screenshotBig;
      figures.push(await testPage(context, page, screenshot));
    }
  } finally {
    await context.close();
    fs.rmSync(userDataDir, {recursive: true, force: true});
  }
  console.log('page sizes and time to first render (headless Chromium, ms from navigation start):');
  for (const f of figures) {
    console.log(`  ${f.name}: ${f.articles} articles, ${f.nodes} nodes, ${f.edges} edges; page ${kilobytes(f.size)}; ` +
      `first contentful paint ${f.timings.fcp.toFixed(0)} ms, page parsed and script started ` +
      `${f.timings.scriptStart.toFixed(0)} ms, script ready ${f.timings.ready.toFixed(0)} ms, first frame of the ` +
      `drawing ${f.timings.firstFrame.toFixed(0)} ms (goto to first frame ${f.wallMs} ms wall); ` +
      `network requests ${f.requests}`);
  }
  console.log(`explorer browser test: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error('explorer browser test: ' + (error && error.stack || error));
  process.exitCode = 1;
});

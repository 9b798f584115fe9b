// The explorer page's script (issue 11; docs/output.md, "HTML"). Plain browser JavaScript with
// no library and no fetch: it reads the graph from the page's JSON block and works on the SVG
// that Graphviz drew, in which node i is the group #n<i> and edge j the group #e<j>.
//
// What it does: pan and zoom; search a name or alias and jump to its node; filter by node and
// edge type (the legend); a summary bar; a panel with a node's aliases, counts, sources and
// relations, or an edge's type, weight and every evidence sentence with the two entities'
// names highlighted. Big graphs stay readable: labels are drawn only for the best-connected
// nodes until the view is zoomed in far enough to read them all.
'use strict';

(function explorer() {
  const startMs = performance.now();
  const graph = JSON.parse(document.getElementById('graph-data').textContent);
  const canvas = document.getElementById('canvas');
  const svg = canvas.querySelector('svg');
  const drawing = svg.querySelector('g.graph');
  const legend = document.getElementById('legend');
  const details = document.getElementById('details');
  const searchInput = document.getElementById('search-input');
  const searchResults = document.getElementById('search-results');
  const SVG_NS = 'http://www.w3.org/2000/svg';

  // Node labels are 10 pt in the drawing: at this many screen pixels per unit every label is
  // readable (7 px) and fits its shape, so all are shown. Below it, labels are placed on the
  // nodes in view, best-connected first, at LABEL_PX on screen, each only where it overlaps no
  // label already placed, at most one per LABEL_AREA_PX square pixels of the canvas.
  const ALL_LABELS_SCALE = 0.7;
  const EDGE_LABELS_SCALE = 1.0;
  const LABEL_PX = 11;
  const LABEL_AREA_PX = 6000;
  // Edges fade as the drawing gets denser, so that a big graph is not a black mass at fit.
  const EDGE_INK = 1500;

  // Shapes of the legend, as graph.dot draws each node type (docs/output.md, "DOT").
  const SHAPES = {Person: 'ellipse', Organization: 'box', Place: 'house', Event: 'diamond', Misc: 'octagon'};

  // ---- Small DOM helpers -----------------------------------------------------------------------

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function plural(count, word) {
    return count + ' ' + word + (count === 1 ? '' : 's');
  }

  // ---- The graph, indexed ----------------------------------------------------------------------

  const nodes = graph.nodes;
  const edges = graph.edges;
  const articleById = new Map(graph.articles.map((article) => [article.id, article]));
  const nodeElements = nodes.map((node, i) => document.getElementById('n' + i));
  const edgeElements = edges.map((edge, j) => document.getElementById('e' + j));
  const incident = nodes.map(() => []);
  edges.forEach((edge, j) => {
    incident[edge.source].push(j);
    if (edge.target !== edge.source) incident[edge.target].push(j);
  });

  function countBy(items, key) {
    const counts = new Map();
    for (const item of items) counts.set(item[key], (counts.get(item[key]) || 0) + 1);
    return counts;
  }
  const nodeTypeCounts = countBy(nodes, 'type');
  const edgeTypeCounts = countBy(edges, 'type');

  // The colour Graphviz gave the first node or edge of each type: the drawing is the reference.
  function drawnColour(elements, items, selector, attribute) {
    const colours = new Map();
    items.forEach((item, i) => {
      if (colours.has(item.type) || !elements[i]) return;
      const shape = elements[i].querySelector(selector);
      if (shape) colours.set(item.type, shape.getAttribute(attribute));
    });
    return colours;
  }
  const nodeColours = drawnColour(nodeElements, nodes, 'ellipse, polygon', 'fill');
  const edgeColours = drawnColour(edgeElements, edges, 'path', 'stroke');

  // Nodes ranked by degree, then mentions: the order in which labels appear as the view zooms in.
  const byRank = nodes.map((node, i) => i).sort((a, b) =>
    incident[b].length - incident[a].length || nodes[b].mentions - nodes[a].mentions || a - b);

  // ---- The drawing: hit areas, size, the zoomed-out classes ------------------------------------

  // A wide transparent copy of an edge's path under it, so that a thin edge is easy to click.
  // Big graphs get them only on the selection's edges: thousands would slow the first render,
  // and in a dense drawing they would cover everything.
  const HIT_AREAS_FOR_ALL = edges.length <= 3000;
  function addHitArea(j) {
    const element = edgeElements[j];
    const path = element && element.querySelector('path');
    if (!path || element.querySelector('.hit')) return;
    const hit = path.cloneNode(false);
    hit.setAttribute('class', 'hit');
    hit.removeAttribute('stroke');
    element.insertBefore(hit, path);
  }
  if (HIT_AREAS_FOR_ALL) edges.forEach((edge, j) => addHitArea(j));
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  // Start zoomed out (the usual case at fit), before anything asks the browser for a layout:
  // switching these later restyles the whole drawing.
  svg.classList.add('far', 'no-edge-labels');
  const fullBox = svg.viewBox.baseVal;
  const bounds = {x: fullBox.x, y: fullBox.y, w: fullBox.width, h: fullBox.height};
  // Graphviz draws inside <g class="graph" transform="... translate(4 H)">: node coordinates
  // become viewBox coordinates through this matrix.
  const drawingMatrix = drawing.transform.baseVal.consolidate()?.matrix || new DOMMatrix();

  // ---- Pan and zoom ----------------------------------------------------------------------------

  const view = {cx: bounds.x + bounds.w / 2, cy: bounds.y + bounds.h / 2, scale: 1};
  let fitScale = 1;
  let frameRequested = false;

  function canvasSize() {
    return {w: Math.max(canvas.clientWidth, 1), h: Math.max(canvas.clientHeight, 1)};
  }

  function applyView() {
    const size = canvasSize();
    const w = size.w / view.scale;
    const h = size.h / view.scale;
    svg.setAttribute('viewBox', [view.cx - w / 2, view.cy - h / 2, w, h].map((v) => v.toFixed(2)).join(' '));
    if (!frameRequested) {
      frameRequested = true;
      requestAnimationFrame(() => {
        frameRequested = false;
        updateLabels();
      });
    }
  }

  function fitView() {
    const size = canvasSize();
    fitScale = Math.min(size.w / bounds.w, size.h / bounds.h) * 0.96;
    view.cx = bounds.x + bounds.w / 2;
    view.cy = bounds.y + bounds.h / 2;
    view.scale = fitScale;
    applyView();
  }

  function clampScale(scale) {
    return Math.min(Math.max(scale, fitScale * 0.5), Math.max(8, fitScale));
  }

  // Zooms by `factor` keeping the point under (px, py) (canvas pixels) where it is.
  function zoomAt(factor, px, py) {
    const size = canvasSize();
    const scale = clampScale(view.scale * factor);
    const ux = view.cx + (px - size.w / 2) / view.scale;
    const uy = view.cy + (py - size.h / 2) / view.scale;
    view.cx = ux - (px - size.w / 2) / scale;
    view.cy = uy - (py - size.h / 2) / scale;
    view.scale = scale;
    applyView();
  }

  // Where each node's centre is in viewBox units, from its shape's attributes (reading them
  // forces no layout, unlike getBBox).
  function shapeCentre(element) {
    const ellipse = element.querySelector('ellipse');
    if (ellipse) return new DOMPoint(ellipse.cx.baseVal.value, ellipse.cy.baseVal.value);
    const polygon = element.querySelector('polygon');
    if (!polygon || polygon.points.numberOfItems === 0) return null;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let k = 0; k < polygon.points.numberOfItems; ++k) {
      const p = polygon.points.getItem(k);
      [x0, y0, x1, y1] = [Math.min(x0, p.x), Math.min(y0, p.y), Math.max(x1, p.x), Math.max(y1, p.y)];
    }
    return new DOMPoint((x0 + x1) / 2, (y0 + y1) / 2);
  }
  const centres = nodeElements.map((element) => {
    const centre = element && shapeCentre(element);
    return centre ? centre.matrixTransform(drawingMatrix) : null;
  });
  const labelEm = nodes.map((node) => 0.58 * Math.min(node.label.length, 60) + 0.6);
  const labelled = new Uint8Array(nodes.length);

  // A placed label is drawn LABEL_PX high on screen, with a halo a quarter of that. Set on
  // each placed label's own <text> (a few hundred at most): a property on the <svg> would make
  // the browser restyle every element of a big drawing at each step of a zoom.
  function setLabelled(i, on, fontSize) {
    const element = nodeElements[i];
    if (!element) return;
    if (labelled[i] !== on) {
      labelled[i] = on;
      element.classList.toggle('major', on === 1);
    }
    const text = element.querySelector('text');
    if (!text) return;
    text.style.fontSize = on ? fontSize : '';
    text.style.strokeWidth = on ? 'calc(' + fontSize + ' / 4)' : '';
  }

  // Edge opacity in tenths, changed on the <svg> only when it crosses one. It grows slower than
  // the zoom: zoomed in on a dense graph, the edges in view are still many.
  let edgeOpacity = '';
  function setEdgeOpacity(ratio) {
    const value = Math.max(0.1, Math.min(0.7, (EDGE_INK / Math.max(edges.length, 1)) * Math.sqrt(ratio))).toFixed(1);
    if (value === edgeOpacity) return;
    edgeOpacity = value;
    svg.style.setProperty('--edge-opacity', value);
  }

  // Which labels show: all when zoomed in enough to read them; else a greedy placement in rank
  // order over the nodes in view, skipping any label that would overlap one already placed
  // (a grid of 64-pixel cells keeps the test cheap).
  function updateLabels() {
    const all = view.scale >= ALL_LABELS_SCALE;
    const size = canvasSize();
    setEdgeOpacity(view.scale / fitScale);
    if (svg.classList.contains('far') === all) svg.classList.toggle('far', !all);
    if (svg.classList.contains('no-edge-labels') !== view.scale < EDGE_LABELS_SCALE) {
      svg.classList.toggle('no-edge-labels', view.scale < EDGE_LABELS_SCALE);
    }
    const fontSize = (LABEL_PX / view.scale).toFixed(2) + 'px';
    const cell = 64;
    const columns = Math.ceil(size.w / cell) + 1;
    const grid = new Map();
    const budget = all ? 0 : Math.max(12, Math.floor((size.w * size.h) / LABEL_AREA_PX));
    let placed = 0;
    for (const i of byRank) {
      const centre = centres[i];
      let on = 0;
      if (centre && placed < budget && !nodeHidden(i)) {
        const x = (centre.x - view.cx) * view.scale + size.w / 2;
        const y = (centre.y - view.cy) * view.scale + size.h / 2;
        const half = (labelEm[i] * LABEL_PX) / 2;
        const box = [x - half, y - LABEL_PX * 0.75, x + half, y + LABEL_PX * 0.75];
        if (box[2] > 0 && box[0] < size.w && box[3] > 0 && box[1] < size.h) {
          const cells = [];
          for (let cx = Math.floor(box[0] / cell); cx <= Math.floor(box[2] / cell); ++cx) {
            for (let cy = Math.floor(box[1] / cell); cy <= Math.floor(box[3] / cell); ++cy) cells.push(cy * columns + cx);
          }
          const free = cells.every((key) => (grid.get(key) || []).every((other) =>
            box[0] >= other[2] || box[2] <= other[0] || box[1] >= other[3] || box[3] <= other[1]));
          if (free) {
            for (const key of cells) (grid.get(key) || grid.set(key, []).get(key)).push(box);
            on = 1;
            ++placed;
          }
        }
      }
      if (on || labelled[i]) setLabelled(i, on, fontSize);
    }
  }

  function centreOn(i) {
    if (!centres[i]) return;
    view.cx = centres[i].x;
    view.cy = centres[i].y;
    view.scale = clampScale(Math.max(view.scale, 1.2));
    applyView();
  }

  let drag = null;
  svg.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = {x: event.clientX, y: event.clientY, cx: view.cx, cy: view.cy, moved: false,
      target: event.target.closest('.node, .edge')};
  });
  window.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    svg.classList.add('panning');
    view.cx = drag.cx - dx / view.scale;
    view.cy = drag.cy - dy / view.scale;
    applyView();
  });
  window.addEventListener('pointerup', () => {
    if (!drag) return;
    const {moved, target} = drag;
    drag = null;
    svg.classList.remove('panning');
    if (moved) return;
    if (!target) clearSelection();
    else if (target.classList.contains('node')) selectNode(Number(target.id.slice(1)), false);
    else selectEdge(Number(target.id.slice(1)));
  });
  svg.addEventListener('wheel', (event) => {
    event.preventDefault();
    const rect = canvas.getBoundingClientRect();
    const lines = event.deltaMode === 1 ? 30 : 1;
    zoomAt(Math.exp(-event.deltaY * lines * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
  }, {passive: false});
  window.addEventListener('resize', () => applyView());

  const zoomControls = el('div', {id: 'zoom-controls'},
    el('button', {type: 'button', title: 'Zoom in', 'aria-label': 'Zoom in', text: '+'}),
    el('button', {type: 'button', title: 'Zoom out', 'aria-label': 'Zoom out', text: '\u2212'}),
    el('button', {type: 'button', title: 'Show the whole graph', 'aria-label': 'Fit', text: 'Fit'}));
  const [zoomIn, zoomOut, zoomFit] = zoomControls.children;
  zoomIn.addEventListener('click', () => zoomAt(1.5, canvasSize().w / 2, canvasSize().h / 2));
  zoomOut.addEventListener('click', () => zoomAt(1 / 1.5, canvasSize().w / 2, canvasSize().h / 2));
  zoomFit.addEventListener('click', fitView);
  canvas.append(zoomControls);

  // ---- Summary bar -----------------------------------------------------------------------------

  function countsText(counts) {
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([type, count]) => type + ' ' + count).join(', ');
  }
  function figure(count, word, counts) {
    return el('span', {class: 'figure'}, el('b', {text: plural(count, word)}),
      counts.size > 0 ? ' (' + countsText(counts) + ')' : null);
  }
  document.getElementById('summary').append(
    el('span', {class: 'figure', text: plural(graph.articles.length, 'article')}),
    figure(nodes.length, 'node', nodeTypeCounts), figure(edges.length, 'edge', edgeTypeCounts));

  // ---- Legend and filters ----------------------------------------------------------------------

  function nodeSwatch(type) {
    const swatch = document.createElementNS(SVG_NS, 'svg');
    swatch.setAttribute('viewBox', '0 0 24 16');
    swatch.setAttribute('class', 'swatch');
    const shapes = {
      ellipse: ['ellipse', {cx: 12, cy: 8, rx: 10, ry: 6}],
      box: ['rect', {x: 3, y: 2, width: 18, height: 12}],
      house: ['polygon', {points: '12,1 21,6 21,15 3,15 3,6'}],
      diamond: ['polygon', {points: '12,1 22,8 12,15 2,8'}],
      octagon: ['polygon', {points: '8,1 16,1 21,5 21,11 16,15 8,15 3,11 3,5'}],
    };
    const [tag, attributes] = shapes[SHAPES[type] || 'octagon'];
    const shape = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes)) shape.setAttribute(name, value);
    shape.setAttribute('fill', nodeColours.get(type) || '#d9d9d9');
    shape.setAttribute('stroke', '#333');
    swatch.append(shape);
    return swatch;
  }

  function edgeSwatch(type) {
    const swatch = document.createElementNS(SVG_NS, 'svg');
    swatch.setAttribute('viewBox', '0 0 24 16');
    swatch.setAttribute('class', 'swatch');
    const line = document.createElementNS(SVG_NS, 'line');
    for (const [name, value] of Object.entries({x1: 2, y1: 8, x2: 22, y2: 8})) line.setAttribute(name, value);
    line.setAttribute('stroke', edgeColours.get(type) || '#969696');
    line.setAttribute('stroke-width', '3');
    swatch.append(line);
    return swatch;
  }

  const hiddenNodeTypes = new Set();
  const hiddenEdgeTypes = new Set();
  const filterBoxes = new Map();

  function legendSection(title, counts, swatch, hidden, kind) {
    const list = el('ul', {class: 'legend-list'});
    for (const type of [...counts.keys()].sort()) {
      const box = el('input', {type: 'checkbox', 'data-kind': kind, 'data-type': type});
      box.checked = true;
      box.addEventListener('change', () => {
        if (box.checked) hidden.delete(type);
        else hidden.add(type);
        applyFilters();
      });
      filterBoxes.set(kind + ':' + type, box);
      list.append(el('li', {}, el('label', {}, box, swatch(type), el('span', {class: 'type-name', text: type}),
        el('span', {class: 'count', text: String(counts.get(type))}))));
    }
    return el('section', {}, el('h2', {text: title}), list);
  }

  legend.append(
    legendSection('Nodes', nodeTypeCounts, nodeSwatch, hiddenNodeTypes, 'node'),
    legendSection('Edges', edgeTypeCounts, edgeSwatch, hiddenEdgeTypes, 'edge'),
    el('p', {class: 'hint', text: 'Untick a type to hide it. Drag to pan, scroll to zoom; click a node or an ' +
      'edge for its details. Labels of less-connected nodes appear as you zoom in.'}));

  function nodeHidden(i) {
    return hiddenNodeTypes.has(nodes[i].type);
  }

  function applyFilters() {
    nodeElements.forEach((element, i) => element && element.classList.toggle('filtered', nodeHidden(i)));
    edgeElements.forEach((element, j) => {
      if (!element) return;
      const edge = edges[j];
      element.classList.toggle('filtered',
        hiddenEdgeTypes.has(edge.type) || nodeHidden(edge.source) || nodeHidden(edge.target));
    });
    updateLabels();
  }

  // ---- Selection and the details panel ---------------------------------------------------------

  let selected = null;

  function clearSelection() {
    svg.classList.remove('focus');
    for (const element of svg.querySelectorAll('.selected, .near')) element.classList.remove('selected', 'near');
    selected = null;
    details.hidden = true;
    details.replaceChildren();
    applyView();
  }

  function markSelection(nodeIndices, edgeIndices, selectedElement) {
    for (const element of svg.querySelectorAll('.selected, .near')) element.classList.remove('selected', 'near');
    svg.classList.add('focus');
    for (const i of nodeIndices) nodeElements[i]?.classList.add('near');
    for (const j of edgeIndices) {
      edgeElements[j]?.classList.add('near');
      addHitArea(j);
    }
    selectedElement?.classList.add('selected');
  }

  function showPanel(...children) {
    const close = el('button', {type: 'button', class: 'close', title: 'Close', 'aria-label': 'Close', text: '\u00d7'});
    close.addEventListener('click', clearSelection);
    details.replaceChildren(close, ...children);
    details.hidden = false;
    details.scrollTop = 0;
    applyView();
  }

  function nodeButton(i) {
    const button = el('button', {type: 'button', class: 'node-link', 'data-node': String(i)},
      nodeSwatch(nodes[i].type), nodes[i].label);
    button.addEventListener('click', () => selectNode(i, true));
    return button;
  }

  function articleLine(id) {
    const article = articleById.get(id);
    const item = el('li', {class: 'article'}, el('code', {text: id}));
    if (!article) return item;
    if (article.title) {
      item.append(' ');
      item.append(article.url ? el('a', {href: article.url, target: '_blank', rel: 'noopener noreferrer',
        text: article.title}) : el('span', {text: article.title}));
    }
    if (article.date) item.append(el('span', {class: 'date', text: ' ' + article.date}));
    return item;
  }

  function facts(pairs) {
    const list = el('dl', {class: 'facts'});
    for (const [term, value] of pairs) {
      if (value === undefined || value === null || value === '') continue;
      list.append(el('dt', {text: term}), el('dd', {}, value));
    }
    return list;
  }

  function selectNode(i, centre) {
    if (nodeHidden(i)) {
      hiddenNodeTypes.delete(nodes[i].type);
      filterBoxes.get('node:' + nodes[i].type).checked = true;
      applyFilters();
    }
    const node = nodes[i];
    selected = {kind: 'node', index: i};
    const neighbours = new Set([i]);
    for (const j of incident[i]) neighbours.add(edges[j].source).add(edges[j].target);
    markSelection(neighbours, incident[i], nodeElements[i]);

    const relations = el('ul', {class: 'relations'});
    const sorted = [...incident[i]].sort((a, b) =>
      (edges[a].type < edges[b].type ? -1 : edges[a].type > edges[b].type ? 1 : 0) ||
      edges[b].weight - edges[a].weight || a - b);
    for (const j of sorted) {
      const edge = edges[j];
      const other = edge.source === i ? edge.target : edge.source;
      const arrow = edge.symmetric ? '\u2194' : edge.source === i ? '\u2192' : '\u2190';
      const button = el('button', {type: 'button', class: 'edge-link', 'data-edge': String(j)},
        edgeSwatch(edge.type), el('span', {class: 'edge-type', text: edge.type + ' ' + arrow + ' '}),
        el('span', {text: nodes[other].label}), el('span', {class: 'count', text: '\u00d7' + edge.weight}));
      button.addEventListener('click', () => selectEdge(j));
      relations.append(el('li', {}, button));
    }
    const aliases = el('ul', {class: 'aliases'});
    for (const alias of node.aliases) aliases.append(el('li', {text: alias}));
    const sources = el('ul', {class: 'sources'});
    for (const id of node.sources) sources.append(articleLine(id));

    showPanel(
      el('h2', {}, nodeSwatch(node.type), node.label),
      el('p', {class: 'subtitle'}, node.type + ' ', el('code', {text: node.id})),
      facts([['mentions', String(node.mentions)], ['articles', String(node.sources.length)],
        ['relations', String(incident[i].length)], ['date', node.date], ['place', node.place]]),
      el('h3', {text: 'Aliases (' + node.aliases.length + ')'}), aliases,
      el('h3', {text: 'Relations (' + incident[i].length + ')'}), relations,
      el('h3', {text: 'Sources (' + node.sources.length + ')'}), sources);
    if (centre) centreOn(i);
  }

  // Every place in `sentence` where one of the names occurs as whole words, as
  // [begin, end, className] ranges that do not overlap, longest names first.
  function findNames(sentence, names) {
    const foldable = sentence.toLowerCase().length === sentence.length;
    const haystack = foldable ? sentence.toLowerCase() : sentence;
    const isWordChar = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
    const ranges = [];
    const candidates = names.filter(([name]) => name.length >= 2)
      .sort((a, b) => b[0].length - a[0].length);
    for (const [name, className] of candidates) {
      const needle = foldable ? name.toLowerCase() : name;
      if (needle.length !== name.length && foldable) continue;
      for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
        const end = at + needle.length;
        if (isWordChar(sentence[at - 1]) || isWordChar(sentence[end])) continue;
        if (ranges.some(([b, e]) => at < e && end > b)) continue;
        ranges.push([at, end, className]);
      }
    }
    return ranges.sort((a, b) => a[0] - b[0]);
  }

  function highlighted(sentence, names) {
    const quote = el('blockquote', {});
    let at = 0;
    for (const [begin, end, className] of findNames(sentence, names)) {
      quote.append(sentence.slice(at, begin), el('mark', {class: className, text: sentence.slice(begin, end)}));
      at = end;
    }
    quote.append(sentence.slice(at));
    return quote;
  }

  function namesOf(i, className) {
    return [nodes[i].label, ...nodes[i].aliases].map((name) => [name, className]);
  }

  function selectEdge(j) {
    const edge = edges[j];
    selected = {kind: 'edge', index: j};
    markSelection([edge.source, edge.target], [j], edgeElements[j]);
    const names = [...namesOf(edge.source, 'source'), ...namesOf(edge.target, 'target')];
    const evidence = el('ol', {class: 'evidence'});
    for (const item of edge.evidence) {
      const article = articleById.get(item.article);
      const meta = el('p', {class: 'meta'}, el('code', {text: item.article}));
      if (article && article.title) meta.append(' ', el('span', {class: 'title', text: article.title}));
      if (article && article.date) meta.append(el('span', {class: 'date', text: ' ' + article.date}));
      meta.append(el('span', {class: 'rule', text: ' rule ' + item.rule + ', bytes ' + item.begin + '\u2013' + item.end}));
      evidence.append(el('li', {}, highlighted(item.sentence, names), meta));
    }
    const arrow = edge.symmetric ? ' \u2194 ' : ' \u2192 ';
    showPanel(
      el('h2', {}, edgeSwatch(edge.type), edge.type),
      el('p', {class: 'endpoints'}, nodeButton(edge.source), arrow, nodeButton(edge.target)),
      facts([['weight', String(edge.weight) + (edge.weight === 1 ? ' sentence' : ' sentences')],
        ['articles', String(edge.sources.length)], ['status', edge.status], ['claim', edge.text],
        ['direction', edge.symmetric ? 'symmetric' : 'directed']]),
      el('h3', {text: 'Evidence (' + edge.evidence.length + ')'}), evidence);
  }

  // ---- Search ----------------------------------------------------------------------------------

  const searchIndex = nodes.map((node) => ({
    label: node.label.toLowerCase(),
    aliases: node.aliases.map((alias) => alias.toLowerCase()),
  }));

  // Lower is better: the label itself, a label prefix, an alias, an alias prefix, a word of
  // the label or an alias, anywhere inside.
  function matchScore(i, query) {
    const entry = searchIndex[i];
    if (entry.label === query) return 0;
    if (entry.label.startsWith(query)) return 1;
    if (entry.aliases.includes(query)) return 2;
    if (entry.aliases.some((alias) => alias.startsWith(query))) return 3;
    const wordStart = (text) => text.split(/[\s\-'.]+/u).some((word) => word.startsWith(query));
    if (wordStart(entry.label) || entry.aliases.some(wordStart)) return 4;
    if (entry.label.includes(query) || entry.aliases.some((alias) => alias.includes(query))) return 5;
    return -1;
  }

  let results = [];
  let active = 0;

  function renderResults() {
    searchResults.replaceChildren();
    results.forEach((i, k) => {
      const node = nodes[i];
      const query = searchInput.value.trim().toLowerCase();
      const alias = node.aliases.find((a) => a.toLowerCase().includes(query) && a !== node.label);
      const item = el('li', {role: 'option', 'data-node': String(i), class: k === active ? 'active' : ''},
        nodeSwatch(node.type), el('span', {class: 'label', text: node.label}),
        alias && !node.label.toLowerCase().includes(query) ? el('span', {class: 'alias', text: alias}) : null,
        el('span', {class: 'count', text: node.type}));
      item.addEventListener('pointerdown', (event) => {
        event.preventDefault();
        choose(i);
      });
      searchResults.append(item);
    });
    searchResults.hidden = results.length === 0;
  }

  function search() {
    const query = searchInput.value.trim().toLowerCase();
    results = [];
    active = 0;
    if (query) {
      const scored = [];
      nodes.forEach((node, i) => {
        const score = matchScore(i, query);
        if (score >= 0) scored.push([score, i]);
      });
      scored.sort((a, b) => a[0] - b[0] || nodes[b[1]].mentions - nodes[a[1]].mentions || a[1] - b[1]);
      results = scored.slice(0, 12).map(([, i]) => i);
      if (results.length === 0) {
        searchResults.replaceChildren(el('li', {class: 'empty', text: 'No node named \u201c' + query + '\u201d'}));
        searchResults.hidden = false;
        return;
      }
    }
    renderResults();
  }

  function choose(i) {
    searchResults.hidden = true;
    searchInput.value = nodes[i].label;
    selectNode(i, true);
  }

  searchInput.addEventListener('input', search);
  searchInput.addEventListener('focus', search);
  searchInput.addEventListener('blur', () => { searchResults.hidden = true; });
  searchInput.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (results.length === 0) return;
      active = (active + (event.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length;
      renderResults();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (results.length > 0) choose(results[active]);
    } else if (event.key === 'Escape') {
      searchInput.value = '';
      search();
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === '/' && document.activeElement !== searchInput) {
      event.preventDefault();
      searchInput.focus();
    } else if (event.key === 'Escape' && document.activeElement !== searchInput && selected) {
      clearSelection();
    }
  });

  // ---- Start -----------------------------------------------------------------------------------

  fitView();
  updateLabels();
  document.documentElement.dataset.ready = 'true';
  // For the browser test (tests/browser/): when the page was ready, and when it first painted.
  window.explorerTimings = {scriptStartMs: startMs, readyMs: performance.now(), firstFrameMs: null};
  requestAnimationFrame(() => requestAnimationFrame(() => {
    window.explorerTimings.firstFrameMs = performance.now();
  }));
})();

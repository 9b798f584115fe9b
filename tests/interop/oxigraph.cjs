// Oxigraph (npm `oxigraph`, installed by scripts/setup-npm) as a reader and SPARQL store for
// the interop tests:
//   node oxigraph.cjs NPM_DIR triples FILE.nq FILE.jsonld
//       loads each file into its own store and prints, as JSON, the quad count, the distinct
//       triples over all graphs, the named graphs, and whether both files give the same triples
//   node oxigraph.cjs NPM_DIR query FILE QUERY.rq...
//       loads FILE, runs each query with the default graph as the union of all graphs (as
//       Virtuoso does) and prints {"load_ms": N, "triples": N, "answers": {QUERY.rq: SPARQL JSON results}}
const path = require('path');
const fs = require('fs');
const [npmDir, mode, ...args] = process.argv.slice(2);
const oxigraph = require(path.resolve(npmDir, 'node_modules', 'oxigraph'));

function formatOf(file) {
  if (file.endsWith('.nq')) return 'application/n-quads';
  if (file.endsWith('.jsonld')) return 'application/ld+json';
  throw new Error(`${file}: unknown RDF format`);
}

function load(file) {
  const store = new oxigraph.Store();
  store.load(fs.readFileSync(file, 'utf8'), { format: formatOf(file) });
  return store;
}

function tripleKeys(store) {
  const keys = new Set();
  for (const quad of store.match(null, null, null, null))
    keys.add(`${quad.subject.toString()} ${quad.predicate.toString()} ${quad.object.toString()}`);
  return keys;
}

if (mode === 'triples') {
  const [nq, jsonld] = args;
  const a = load(nq), b = load(jsonld);
  const ta = tripleKeys(a), tb = tripleKeys(b);
  const graphs = new Set(a.match(null, null, null, null).map((q) => q.graph.toString()));
  const onlyNq = [...ta].filter((t) => !tb.has(t)).slice(0, 5);
  const onlyJsonld = [...tb].filter((t) => !ta.has(t)).slice(0, 5);
  console.log(JSON.stringify({ nquads_quads: a.size, nquads_triples: ta.size, jsonld_triples: tb.size,
                               named_graphs: [...graphs].filter((g) => g !== 'DEFAULT').length,
                               same: onlyNq.length === 0 && onlyJsonld.length === 0, only_nquads: onlyNq,
                               only_jsonld: onlyJsonld }));
} else if (mode === 'query') {
  const [file, ...queries] = args;
  const start = process.hrtime.bigint();
  const store = load(file);
  const loadMs = Number(process.hrtime.bigint() - start) / 1e6;
  const answers = {};
  for (const q of queries) {
    answers[path.basename(q)] = JSON.parse(store.query(fs.readFileSync(q, 'utf8'), {
      use_default_graph_as_union: true, results_format: 'application/sparql-results+json' }));
  }
  console.log(JSON.stringify({ load_ms: Math.round(loadMs), triples: tripleKeys(store).size, answers }));
} else {
  console.error('usage: node oxigraph.cjs NPM_DIR triples FILE.nq FILE.jsonld | query FILE QUERY.rq...');
  process.exit(1);
}

// Reads a GEXF file with graphology-gexf and a GraphML file with graphology-graphml (npm,
// installed by scripts/setup-npm) and checks that both give the same graph:
//   node graphology.cjs NPM_DIR FILE.gexf FILE.graphml
// Prints one JSON line with the node and edge counts of each, the edge kinds GEXF carried, and
// "same"; exits 1 when the counts, node ids or edge endpoints differ (graphology-gexf also
// refuses duplicate ids and edges to missing nodes, which no GEXF schema catches).
const path = require('path');
const fs = require('fs');
const [npmDir, gexfFile, graphmlFile] = process.argv.slice(2);
const lib = (name) => require(path.resolve(npmDir, 'node_modules', name));
const Graph = lib('graphology');
const gexf = lib('graphology-gexf');
const graphml = lib('graphology-graphml');

const fromGexf = gexf.parse(Graph, fs.readFileSync(gexfFile, 'utf8'), { allowUndeclaredAttributes: false });
const fromGraphml = graphml.parse(Graph, fs.readFileSync(graphmlFile, 'utf8'));

const endpoints = (g) => g.mapEdges((e, a, s, t, sa, ta, undirected) => [s, t].sort().join(' ')).sort();
const kinds = {};
fromGexf.forEachEdge((e, a) => { kinds[a.kind] = (kinds[a.kind] || 0) + 1; });
const same = fromGexf.order === fromGraphml.order && fromGexf.size === fromGraphml.size &&
             JSON.stringify(fromGexf.nodes().sort()) === JSON.stringify(fromGraphml.nodes().sort()) &&
             JSON.stringify(endpoints(fromGexf)) === JSON.stringify(endpoints(fromGraphml));
console.log(JSON.stringify({ gexf_nodes: fromGexf.order, gexf_edges: fromGexf.size, gexf_type: fromGexf.type,
                             graphml_nodes: fromGraphml.order, graphml_edges: fromGraphml.size, edge_kinds: kinds, same }));
process.exit(same ? 0 : 1);

// bench/peer_compromise.mjs: the peer of bench/peer (issue 8). Runs the npm package
// `compromise` (people, organizations, places) over article files and prints its speed;
// with --graphml OUT it also writes the entities it found as a minimal GraphML (one node per
// distinct name and type, keys `label` and `type`) that ../shared/eval/score.py reads.
//
// usage: node bench/peer_compromise.mjs MODULE_DIR [--graphml OUT] FILE...
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const args = process.argv.slice(2);
const require = createRequire(path.resolve(args.shift(), "node_modules") + "/");
const nlp = require("compromise");
let graphml = "";
if (args[0] === "--graphml") {
  args.shift();
  graphml = args.shift();
}

const kinds = [["people", "Person"], ["organizations", "Organization"], ["places", "Place"]];
const nodes = new Map();  // "type\tname" -> {type, name}
let words = 0, bytes = 0, entities = 0;
const start = process.hrtime.bigint();
for (const file of args) {
  const text = readFileSync(file, "utf8");
  bytes += Buffer.byteLength(text);
  words += text.split(/\s+/).filter(Boolean).length;
  const doc = nlp(text);
  for (const [method, type] of kinds) {
    for (const name of doc[method]().out("array")) {
      const clean = name.replace(/^[\s"'“‘(]+|[\s"'”’),.;:!?]+$/g, "");
      if (!clean) continue;
      ++entities;
      if (graphml) nodes.set(type + "\t" + clean.toLowerCase(), { type, name: clean });
    }
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`compromise ${nlp.version}: ${args.length} articles, ${words} words, ${entities} entity mentions ` +
            `in ${seconds.toFixed(2)} s = ${Math.round(words / seconds)} words/s`);

if (graphml) {
  const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
                 '<key id="label" for="node" attr.name="label" attr.type="string"/>',
                 '<key id="type" for="node" attr.name="type" attr.type="string"/>',
                 '<graph edgedefault="directed">'];
  let i = 0;
  for (const key of [...nodes.keys()].sort()) {
    const { type, name } = nodes.get(key);
    lines.push(`<node id="n${i++}"><data key="label">${escape(name)}</data><data key="type">${type}</data></node>`);
  }
  lines.push("</graph>", "</graphml>", "");
  writeFileSync(graphml, lines.join("\n"));
}

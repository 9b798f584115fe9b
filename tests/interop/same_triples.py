#!/usr/bin/env python3
"""rdflib reads FILE.nq and FILE.jsonld and checks they hold the same triples.

    same_triples.py FILE.nq FILE.jsonld

The triples of every graph of the N-Quads file (merged view in the default graph, provenance in
one named graph per article) must be exactly the JSON-LD's. Literals are compared by datatype
and value, so "2.0E0"^^xsd:double equals a JSON 2 coerced to xsd:double. Prints the counts;
exit 1 on any difference.
"""
import sys

import rdflib


XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + "integer", XSD + "double"}


def key(term):
    if isinstance(term, rdflib.Literal) and term.datatype is not None:
        # rdflib's JSON-LD parser keeps a JSON 2 coerced to xsd:double as the integer 2.
        value = float(term.toPython()) if str(term.datatype) in NUMERIC else term.toPython()
        return ("literal", str(term.datatype), repr(value))
    return (type(term).__name__, str(term))


def main():
    nq, jsonld = sys.argv[1], sys.argv[2]
    dataset = rdflib.Dataset()
    dataset.parse(nq, format="nquads")
    quads = list(dataset.quads((None, None, None, None)))
    from_nq = {(key(s), key(p), key(o)) for s, p, o, _ in quads}
    # rdflib names the default graph after the file; the rest are the article graphs.
    graphs = {str(g) for _, _, _, g in quads if isinstance(g, rdflib.URIRef) and not str(g).startswith(("urn:x-rdflib:", "file:"))}
    from_jsonld = {(key(s), key(p), key(o)) for s, p, o in rdflib.Graph().parse(jsonld, format="json-ld")}
    only_nq, only_jsonld = from_nq - from_jsonld, from_jsonld - from_nq
    print(f"rdflib {rdflib.__version__}: {nq}: {len(quads)} quads, {len(from_nq)} distinct triples, "
          f"{len(graphs)} named graphs; {jsonld}: {len(from_jsonld)} triples; "
          + ("same triples" if not only_nq and not only_jsonld else "DIFFERENT"))
    for triple in sorted(only_nq)[:5]:
        print("  only in N-Quads:", triple)
    for triple in sorted(only_jsonld)[:5]:
        print("  only in JSON-LD:", triple)
    return 1 if only_nq or only_jsonld else 0


if __name__ == "__main__":
    sys.exit(main())

"""Read a graph file (any RDF format rdflib reads) into its named graphs and the rest: the one
reader of graph files, for the commands that work on a finished build (``kg export``, ``kg viz``,
``kg validate``, ``kg stats``)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax import SAXException

from rdflib import Dataset, Graph, URIRef
from rdflib.exceptions import ParserError
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import InputError
from kg.graph.namespace import PREFIXES

# What rdflib's parsers raise on bad input: BadSyntax (a SyntaxError) for Turtle and TriG,
# ParserError for the line formats, ValueError (JSON) or TypeError/KeyError (bad structure) for
# JSON-LD, SAX errors for RDF/XML.
_PARSE_ERRORS = (SyntaxError, ParserError, ValueError, TypeError, KeyError, SAXException)

# Source formats by file suffix; the first two may hold named graphs.
_QUAD_FORMATS = {".trig": "trig", ".nq": "nquads"}
_TRIPLE_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".xml": "xml"}


@dataclass
class SourceGraphs:
    """A graph file as read: its named graphs by IRI, the triples outside any named graph, and
    the prefixes it declares."""

    path: Path
    named: dict[str, Graph]
    default: Graph
    namespaces: list[tuple[str, str]] = field(default_factory=list)

    def union(self) -> Graph:
        """Every triple of the file in one graph, with the file's prefixes bound."""
        graph = Graph()
        for prefix, namespace in self.namespaces:
            graph.bind(prefix, namespace, override=True)
        for part in [self.default, *self.named.values()]:
            for triple in part:
                graph.add(triple)
        return graph

    def dataset(self) -> Dataset:
        """The named graphs only (the default graph is handled by each writer)."""
        dataset = Dataset()
        for prefix, namespace in self.namespaces:
            dataset.bind(prefix, namespace, override=True)
        for iri, graph in self.named.items():
            target = dataset.graph(URIRef(iri))
            for triple in graph:
                target.add(triple)
        return dataset


def read_source(source: str | Path) -> SourceGraphs:
    """Read a graph file; TriG and N-Quads keep their named graphs. InputError when the file is
    missing, unreadable or not RDF."""
    path = Path(source)
    if not path.is_file():
        raise InputError(str(path), "no such graph file; run `kg build` first")
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot read ({err.strerror})") from None
    try:
        if suffix in _QUAD_FORMATS:
            dataset = Dataset()
            with warnings.catch_warnings():  # rdflib 7.6's N-Quads parser warns once per triple
                warnings.filterwarnings("ignore", "Dataset.default_context is deprecated", DeprecationWarning)
                dataset.parse(data=data, format=_QUAD_FORMATS[suffix], publicID=path.resolve().as_uri())
            named = {}
            default = Graph()
            for context in dataset.graphs():
                if context.identifier == DATASET_DEFAULT_GRAPH_ID:
                    for triple in context:
                        default.add(triple)
                elif len(context):
                    named[str(context.identifier)] = context
            namespaces = list(dataset.namespaces())
        else:
            default = Graph()
            default.parse(data=data, format=_TRIPLE_FORMATS.get(suffix, "turtle"), publicID=path.resolve().as_uri())
            named = {}
            namespaces = list(default.namespaces())
    except _PARSE_ERRORS as err:
        raise InputError(str(path), f"not a readable RDF file ({type(err).__name__}: {err})") from None
    return SourceGraphs(path, dict(sorted(named.items())), default, _with_kg_prefixes([(p, str(ns)) for p, ns in namespaces]))


def _with_kg_prefixes(namespaces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The file's prefixes, and kg's for the namespaces it names none for (a build's files are
    written in N-Triples form, without prefixes)."""
    prefixes = {p for p, _ in namespaces}
    taken = {ns for _, ns in namespaces}
    extra = [(p, str(ns)) for p, ns in PREFIXES.items() if p not in prefixes and str(ns) not in taken]
    return namespaces + extra


def load_graph(path: str | Path) -> Graph:
    """Every triple of a graph file in one graph (a TriG or N-Quads file's named graphs too)."""
    return read_source(path).union()

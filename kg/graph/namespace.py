"""The ontology's terms as Python names; a misspelt term raises instead of minting a new IRI."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, URIRef

ONTOLOGY_IRI = "https://w3id.org/kg-policy/ontology"


class POL(DefinedNamespace):
    """Policy ontology, ``ontology/policy.ttl``. Keep this list equal to the terms defined there."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI + "#")

    # Documents
    Document: URIRef
    documentKind: URIRef
    areaName: URIRef
    areaLevel: URIRef
    reviewYear: URIRef
    planYear: URIRef
    planPeriodStart: URIRef
    planPeriodEnd: URIRef
    speaker: URIRef
    script: URIRef
    sha256: URIRef
    encoding: URIRef
    duplicateOf: URIRef
    duplicateSimilarity: URIRef

    # Parts of a document's source text
    TextSpan: URIRef
    start: URIRef
    end: URIRef
    MaskedSpan: URIRef
    hasMask: URIRef
    maskForm: URIRef
    RemovedText: URIRef
    hasRemovedText: URIRef
    removalKind: URIRef
    rule: URIRef
    YearEvidence: URIRef
    hasYearEvidence: URIRef
    year: URIRef
    yearRole: URIRef
    evidenceText: URIRef

    # Entities
    Entity: URIRef
    District: URIRef
    Program: URIRef
    Project: URIRef
    Organization: URIRef
    divisionCode: URIRef
    divisionLevel: URIRef
    validUntil: URIRef
    mentionedIn: URIRef
    locatedIn: URIRef
    implements: URIRef
    relatedTo: URIRef
    CoMention: URIRef
    entity: URIRef
    firstEntity: URIRef
    secondEntity: URIRef
    sentenceCount: URIRef

    # Provenance
    Sentence: URIRef
    Mention: URIRef
    refersTo: URIRef
    inDocument: URIRef
    sentence: URIRef
    text: URIRef
    Assertion: URIRef

    # Numbers and progress
    Indicator: URIRef
    Observation: URIRef
    indicator: URIRef
    area: URIRef
    period: URIRef
    value: URIRef
    unit: URIRef
    growthRate: URIRef
    observationKind: URIRef
    qualifier: URIRef
    ProjectEvent: URIRef
    project: URIRef
    stage: URIRef
    eventKind: URIRef


# The prefixes kg's outputs and reports use.
PREFIXES = {
    "pol": POL._NS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "skos": SKOS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
}

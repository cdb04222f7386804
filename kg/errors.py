"""Typed errors the library raises; ``kg.cli`` maps each family to a message and an exit code."""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg reports to a user."""


class InputError(KgError):
    """A source file cannot be used: missing, empty, binary, undecodable or of an unknown type."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class UnsupportedShapeError(InputError):
    """A shapes file uses a SHACL feature the fast validator (kg.graph.shapes) does not check;
    raised when the file is loaded, so that no constraint is ever silently skipped."""


class ModelMissingError(KgError):
    """The segmentation model is not installed."""


class RefinerMissingError(ModelMissingError):
    """The learned refiner was asked for (KG_LEARNED=1) but no trained one is there."""


class OutputError(KgError):
    """An output could not be written."""


class OutputBusyError(OutputError):
    """Another build holds the output folder's lock."""


class OutputsMixedError(OutputError):
    """A build failed while putting its outputs in place and could not put back all the previous ones."""


class ValidationError(KgError):
    """A graph does not conform to the ontology's shapes."""


class QueryError(KgError):
    """A query is malformed or failed."""


class UnknownQueryError(QueryError):
    """No query of that name in the library, or no such query file."""


class MissingParameterError(QueryError):
    """A query's parameter was neither given nor defaulted, or a --param is malformed."""


class EndpointError(KgError):
    """A remote SPARQL endpoint or graph store could not be reached or refused the request."""


class SelectionError(KgError):
    """A view's selection (entity types, document) names nothing in the graph."""


class DocumentFailed(KgError):
    """kg failed on one document (a bug met on it, or its worker process died); the others built."""


class ClusterError(KgError):
    """The Dask scheduler cannot be reached, or Dask's distributed package is not installed."""


class WorkerError(KgError):
    """Worker processes die before they finish any document: the pipeline cannot run in them."""


class DataFileError(KgError):
    """A rule, gazetteer or other data file is malformed. Each argument is one problem, written
    ``file:line: what is wrong``; a load reports every problem it met, one a line."""

    def __init__(self, *problems: str) -> None:
        super().__init__(*problems)  # the problems are the args: the error pickles whole (from workers)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(self.problems)

"""The data-file readers, now in ``kg.resources.datafiles`` (ingestion reads data files too);
kept here so the NLP stage's imports stay as they are."""

from kg.resources.datafiles import RuleError, jsonl_rows, tsv_rows

__all__ = ["RuleError", "jsonl_rows", "tsv_rows"]

"""The data-file readers, now in ``kg.resources.datafiles`` (ingestion reads data files too);
kept here so the NLP stage's imports stay as they are."""

from kg.resources.datafiles import Problems, RuleError, cell, jsonl_rows, read_lines, split_bars, tsv_rows

__all__ = ["Problems", "RuleError", "cell", "jsonl_rows", "read_lines", "split_bars", "tsv_rows"]

"""``kg check-data``: load every data file the build would load from a folder laid out as
``kg/data``, without the segmentation model, and say what was read or everything that is wrong.

Each loader checks its own files as it reads them (``kg.resources.datafiles``) and reports all
their problems at once; here every loader runs even when an earlier one failed, so one run lists
the problems of the whole folder.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from kg.errors import DataFileError
from kg.extract.entities import load_level_bodies, load_same_as
from kg.extract.events import load_stage_rules
from kg.extract.numbers import load_number_rules
from kg.extract.relations import load_relation_rules
from kg.nlp.composed import load_place_prefixes
from kg.nlp.lexicon import Lexicon
from kg.nlp.rule_cache import default_path as rule_cache_path
from kg.nlp.rules import load_gazetteer, load_not_entities, load_patterns, load_place_contexts


@dataclass
class DataReport:
    folder: Path
    counts: list[tuple[str, int]] = field(default_factory=list)  # (what, how many), in load order
    problems: list[str] = field(default_factory=list)  # each ``file:line: what is wrong``

    def summary(self) -> str:
        return ", ".join(f"{n} {what}" for what, n in self.counts)


def check_data(folder: Path) -> DataReport:
    """Every data file under ``folder`` loaded and checked; nothing is raised for bad data (the
    report holds the problems), so that all of them are found."""
    report = DataReport(Path(folder))
    gazetteer_dir, numbers = folder / "gazetteer", folder / "numbers"

    def run(load: Callable[[], Any], count: Callable[[Any], list[tuple[str, int]]]) -> Optional[Any]:
        try:
            loaded = load()
        except DataFileError as err:
            report.problems.extend(err.problems)
            return None
        report.counts.extend(count(loaded))
        return loaded

    gazetteer = run(lambda: load_gazetteer(gazetteer_dir),
                    lambda g: sorted(Counter(e.source for e in g.entries.values()).items(), key=_by_source))
    run(lambda: load_not_entities(gazetteer_dir), lambda index: [("not-entities", len(index))])
    run(lambda: load_place_contexts(gazetteer_dir / "place_contexts.tsv"), lambda rows: [("place contexts", len(rows))])
    run(lambda: load_place_prefixes(gazetteer_dir / "place_programs.tsv"), lambda rows: [("place prefixes", len(rows))])
    # Targets are checked against the gazetteer when it loaded; else only the file itself.
    run(lambda: load_same_as(gazetteer_dir / "same_as.tsv", known=gazetteer.forms if gazetteer else None),
        lambda rows: [("same-as names", len(rows))])
    run(lambda: Lexicon.load(folder / "lexicon"),
        lambda lex: [("leading words", len(lex.leading_or_verb)), ("common words", len(lex.common))])
    # The rules' derived forms are cached where the pipeline keeps them: a second check is quick.
    run(lambda: load_patterns(sorted((folder / "patterns").glob("*.jsonl")), cache=rule_cache_path()),
        lambda rules: [("pattern rules", len(rules))])
    run(lambda: load_relation_rules(folder / "relations"), lambda rules: [("relation rules", len(rules))])
    run(lambda: load_level_bodies(folder / "linking"),
        lambda lb: [("level words", len(lb.levels)), ("body words", len(lb.bodies)),
                    ("department heads", len(lb.heads))])
    run(lambda: load_number_rules(numbers),
        lambda nr: [("indicator forms", len(nr.forms)), ("number words", sum(len(w) for w in nr.words.values()))])
    run(lambda: load_stage_rules(numbers), lambda sr: [("status words", len(set(sr.after) | set(sr.before)))])
    return report


_SOURCE_ORDER = ("divisions", "townships", "foreign", "zones")


def _by_source(item: tuple[str, int]) -> tuple[int, str]:
    """Places first, as the gazetteer loads them, then the name files by name."""
    source = item[0]
    return (_SOURCE_ORDER.index(source) if source in _SOURCE_ORDER else len(_SOURCE_ORDER), source)

"""A canonical entity, as linking makes it and the corpus step merges it: a module of its own, so
that the build's process, which only merges, never imports the NLP that linking needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Entity:
    key: str
    label: str
    name: str  # canonical Simplified name
    aliases: dict[str, str] = field(default_factory=dict)  # written form -> language tag (zh, zh-Hant)
    code: str = ""  # GB/T 2260 division code, for official divisions
    parent: Optional[str] = None  # key of the enclosing district
    level: str = ""
    until: str = ""  # last year of a former division

    def add_alias(self, form: str, lang: str) -> None:
        if form != self.name and form not in self.aliases:
            self.aliases[form] = lang

"""A reader's query text → the term groups every hit must contain (one group per word)."""

from __future__ import annotations

from dataclasses import dataclass

from strichka.search.contract import SearchQueryError
from strichka.text.normalize import query_term_alternatives

MAX_QUERY_TERMS = 32  # a pasted paragraph still runs, on its first 32 distinct words
MAX_QUERY_CHARS = 2_000  # 32 distinct words fit many times over; a pasted page costs nothing


@dataclass(frozen=True)
class QueryTerms:
    # Each group holds the terms one query word may be indexed under; a hit matches every group.
    groups: tuple[frozenset[str], ...]

    @property
    def all_terms(self) -> frozenset[str]:
        return frozenset().union(*self.groups)


def parse_query_terms(text: str) -> QueryTerms:
    groups: list[frozenset[str]] = []
    for group in query_term_alternatives(text[:MAX_QUERY_CHARS]):
        if group not in groups:
            groups.append(group)
        if len(groups) == MAX_QUERY_TERMS:
            break
    if not groups:
        raise SearchQueryError("Type at least one word to search for.", "empty_query")
    return QueryTerms(tuple(groups))

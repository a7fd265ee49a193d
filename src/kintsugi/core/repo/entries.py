"""Journal entries: title, Markdown body, mood, tags."""

from __future__ import annotations

from kintsugi.core.records import Entry
from kintsugi.core.repo.base import Column, Repository, check_range, excerpt_of, first_line


class EntryRepository(Repository[Entry]):
    record_type = Entry
    table = "entry"
    columns = (Column("title"), Column("body"), Column("mood"))
    keeps_search_text = False  # its searchable text is its body (and the private note)

    def validate(self, rec: Entry) -> None:
        check_range("Mood", rec.mood, -3, 3)

    def describe(self, rec: Entry) -> tuple[str, str, str]:
        title = rec.title.strip() or first_line(rec.body)
        body = rec.body
        if not rec.title.strip():  # the first line is the title: the excerpt starts after it
            lines = body.strip().splitlines()
            body = "\n".join(lines[1:])
        return title, excerpt_of(body), rec.body

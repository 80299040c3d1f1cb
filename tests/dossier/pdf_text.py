"""Reading a PDF as a user would: page texts and bookmarks."""

import io
import re

from pypdf import PdfReader


class Pdf:
    """A PDF as a reader sees it: the text of each page and the bookmarks."""

    def __init__(self, daten: bytes):
        self.reader = PdfReader(io.BytesIO(daten))
        # Hyphenation may split a word across lines; readers search the joined text.
        self.seiten = [
            re.sub(r"[-\u2010\u00ad]\n", "", seite.extract_text() or "")
            for seite in self.reader.pages
        ]

    def lesezeichen(self) -> dict[str, int]:
        """Top-level bookmarks and the 1-based page each one opens."""
        return {
            eintrag.title: self.reader.get_destination_page_number(eintrag) + 1
            for eintrag in self.reader.outline
            if not isinstance(eintrag, list)
        }

    def seiten_mit(self, text: str) -> list[int]:
        flach = " ".join(text.split())
        return [
            nummer
            for nummer, seite in enumerate(self.seiten, 1)
            if flach in " ".join(seite.split())
        ]

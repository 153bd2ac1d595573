"""The names of ids shown in sentences: areas, and :class:`Words`, which joins them.

English shows an id as words by its hyphens (``upper-eyelids`` -> "upper eyelids"); another
language reads each name from the catalogue.
"""

from __future__ import annotations

from milia_cli.messages import Localized, Message, coded

WORDS = {
    "face": "face",
    "upper-eyelids": "upper eyelids",
    "under-eyes": "under eyes",
    "cheeks": "cheeks",
    "nose": "nose",
    "forehead": "forehead",
    "chin": "chin",
    "chest": "chest",
    "back": "back",
    "arms": "arms",
    "nose-corners": "nose corners",
    "lips": "lips",
    "broken-or-irritated-skin": "broken or irritated skin",
    # the steps, as the level lines and `why STEP` name them ("retinol: 3×/week from week 3 — …")
    "retinol": "retinol",
    "exfoliate": "exfoliate",
    "cleanse": "cleanse",
    "remove-makeup": "remove makeup",
    "moisturize": "moisturize",
    "eye-cream": "eye cream",
    "sunscreen": "sunscreen",
    "makeup": "makeup",
}
LIST_SEP = ", "


class Words(Localized):
    """Ids shown as words (``upper-eyelids, under-eyes`` -> "upper eyelids, under eyes"); in
    another language each id's name from the catalogue (:data:`WORDS`)."""

    ids: tuple[str, ...]

    def __new__(cls, ids: tuple[str, ...] | list[str], sep: str = ", ", text: str | None = None) -> Words:
        obj = super().__new__(cls, sep.join(ids) if text is None else text)
        obj.ids = tuple(ids)
        return obj

    def localized(self, lang: str) -> str:
        from milia_cli.i18n import tr

        return tr(LIST_SEP, lang).join(tr(WORDS.get(i) or Message(i.replace("-", " ")), lang) for i in self.ids)


coded(globals(), "words")

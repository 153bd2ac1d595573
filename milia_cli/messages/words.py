"""The names of ids shown in sentences: areas, and what ``Words`` joins them with.

English shows an id as words by its hyphens (``upper-eyelids`` -> "upper eyelids"); another
language reads each name from the catalogue (:class:`milia_cli.messages.Words`).
"""

from milia_cli.messages import coded

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


coded(globals(), "words")

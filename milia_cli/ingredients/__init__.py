"""What a product contains, from its printed ingredient list (INCI), and what that means
for one profile: the knowledge base behind ``milia check`` (issue 15).

- :mod:`.classes` and :mod:`.members`: the ingredient classes and their members as data,
  each class with its sources and the RULES.md ids it feeds; English INCI, common
  synonyms and the Korean standard (KCIA) names.
- :mod:`.regulatory`: the subset of the EU CosIng annexes the checker cites, with attribution.
- :mod:`.parse`: real labels into names (case, ``Aqua/Water/Eau``, parentheses,
  "may contain (+/-)", ``*`` footnotes, inline percentages, Korean spacing).
- :mod:`.classify`: names into classes.
- :mod:`.evaluate`: classes + profile + step + strengths into findings (rule id, level, source).

Nothing here does I/O or reads the clock; the command (:mod:`milia_cli.cli.check_cmd`)
reads the label and the profile and passes ``today`` in.
"""

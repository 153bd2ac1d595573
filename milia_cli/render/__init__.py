"""Renderers: turn plans, logs and rules into terminal output.

``render.text`` is plain text with optional ANSI colour (no rich: used by the
instant commands such as ``milia today``) and holds the width-aware pieces every
renderer shares (wrap between words, fold, pack step labels, strip trailing
spaces); the other modules use rich tables and are imported only inside the
commands that draw them. All lay out to ``env.width`` (COLUMNS, the terminal, 80).
"""

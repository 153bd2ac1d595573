"""Renderers: turn plans, logs and rules into terminal output.

``render.text`` is plain text with optional ANSI colour (no rich: used by the
instant commands such as ``milia today``); the other modules use rich tables
and are imported only inside the commands that draw them.
"""

"""`milia sync caldav`: keep a CalDAV calendar exactly the plan (issue 16).

- :mod:`milia_cli.sync.state` — what milia remembers writing, per profile and calendar
  (a small private JSON file beside the log database, replaced atomically);
- :mod:`milia_cli.sync.objects` — the plan as calendar objects and the operations that make
  a calendar match it (pure: no network, no clock);
- :mod:`milia_cli.sync.forget` — what `profile delete` does with a profile's entries in that file
  (removed with its log, kept with a kept log);
- :mod:`milia_cli.sync.caldav_client` — the ``caldav`` library's side: find or create the
  calendar, list it, PUT and DELETE with preconditions, and one sentence per failure.

Nothing here is imported at start-up; ``caldav`` (an optional extra) only by the command.
"""

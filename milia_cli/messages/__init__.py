"""Every user-facing sentence lives in this package, one module per area.

Modules hold plain ``str.format`` templates, so wording can be reviewed (and one
day translated) in one place, and tests can refer to the same constants.
"""

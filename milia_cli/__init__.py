"""milia: a command-line skincare planner for people prone to milia."""

__version__ = "0.1.0"

"""Renderers: turn domain results into Rich renderables, JSON-ready dicts or Markdown.

Renderers compute nothing and print nothing; cli.py prints what they return.
"""

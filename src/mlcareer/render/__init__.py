"""Renderers: turn domain results into Rich renderables or Markdown (JSON is in mlcareer.jsondoc).

Renderers compute nothing and print nothing; cli.py prints what they return.
"""

"""JSON documents: every command's `--json` output, built from domain results.

One module per subject. Builders return plain dicts and lists of the shapes the
schemas in docs/schemas/ describe; they import no Rich and compute nothing.
"""

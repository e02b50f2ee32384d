"""JSON documents: every command's `--json` output, built from domain results.

One module per subject. Builders return plain dicts and lists of the shapes the
schemas in docs/schemas/ describe; they import no Rich and compute nothing.
"""

#: The version of every JSON document mlcareer prints: raised when a key is added, goes or changes
#: meaning (the schemas in docs/schemas are closed, so they describe one version exactly).
SCHEMA_VERSION = 3

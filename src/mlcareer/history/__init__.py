"""The history store: saved quiz results in SQLite, read back distrustfully, and their trends and diffs."""

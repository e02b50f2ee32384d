"""The data pack: find a data directory, read its YAML strictly, validate, check and cache it."""

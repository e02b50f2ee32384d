"""JSON Schemas of every command's `--json` output, generated from the TypedDicts in types.py.

    python -m mlcareer.jsondoc.schemas docs/schemas

writes ``<document>.schema.json`` for every document the table of results names
(``mlcareer.outputs``: each result type's documents, with their TypedDicts and commands).
The tests regenerate them and compare with the committed files, so the shipped schemas
cannot drift from the code.
This is the only module of the package that uses pydantic for JSON output, and only here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from typing_extensions import is_typeddict  # typing's does not know typing_extensions' on 3.11

from mlcareer.jsondoc import SCHEMA_VERSION
from mlcareer.jsondoc import types as t


def documents() -> dict[str, tuple[type[Any], str]]:
    """Every document mlcareer prints as JSON: its file name, the TypedDict and the command,
    read from the table of results (``mlcareer.outputs``)."""
    from mlcareer.formats import resolve
    from mlcareer.outputs import RESULTS

    out: dict[str, tuple[type[Any], str]] = {}
    for entry in RESULTS.values():
        for doc in entry.documents:
            typeddict = resolve(doc.typeddict) if ":" in doc.typeddict else getattr(t, doc.typeddict)
            out[doc.name] = (typeddict, doc.command)
    return out


DOCUMENTS = documents()  # as the table says at import; ``documents()`` reads it again

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _close_every_typeddict() -> None:
    """Mark every TypedDict of the vocabulary closed, so its schema says additionalProperties: false.

    Done here rather than in types.py, which stays free of pydantic (and a class attribute
    there would read to mypy as one more key).
    """
    for value in vars(t).values():
        if is_typeddict(value):
            value.__pydantic_config__ = {"extra": "forbid"}


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one document, with ``schema_version`` required as the current version."""
    from pydantic import TypeAdapter

    _close_every_typeddict()
    doc, command = documents()[name]
    body = TypeAdapter(doc).json_schema(mode="serialization")
    if name == "role-section":  # the identifying keys, and only the chosen section's
        from mlcareer.jsondoc.role import IDENTITY_KEYS

        role = body["$defs"]["RoleDoc"]
        role["required"] = [key for key in role["required"] if key in IDENTITY_KEYS]
    properties = {"schema_version": {"const": SCHEMA_VERSION, "type": "integer"}}
    properties.update(body.pop("properties"))
    body.pop("title", None)
    description = body.pop("description", None)
    return {
        "$schema": DRAFT,
        "$id": f"urn:mlcareer:json:{name}:{SCHEMA_VERSION}",
        "title": f"{command} (schema_version {SCHEMA_VERSION})",
        "description": description or f"The output of `{command}`.",
        **body,
        "properties": properties,
        "required": ["schema_version", *body.pop("required", [])],
    }


def schema_text(name: str) -> str:
    return json.dumps(schema(name), indent=2, sort_keys=False) + "\n"


def write_all(directory: Path) -> list[Path]:
    """Write every schema into ``directory``; return the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in documents():
        path = directory / f"{name}.schema.json"
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: python -m mlcareer.jsondoc.schemas DIR\n")
        return 2
    for path in write_all(Path(argv[0])):
        sys.stdout.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

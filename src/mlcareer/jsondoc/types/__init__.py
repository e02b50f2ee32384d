"""The JSON vocabulary: every document mlcareer prints, and the parts they share, as TypedDicts.

The builders are annotated with these, so mypy checks that they produce exactly these shapes;
``mlcareer.jsondoc.schemas`` turns them into the JSON Schemas in docs/schemas/. Every object is
closed (no key beyond those named here). Nothing here imports pydantic: the schema generator
is the only place that does.

Shared parts, the same shape in every document:
- ``Proficiency``: a grade of the 0-4 scale and its name, ``{"grade": 3, "name": "proficient"}``.
- ``SourceDoc``: a source as the data has it (id, title, publisher, date, edition, URL...).
- ``PayDoc``: one pay figure, from the articles or an official occupation, with its source inside.
- ``ExpectationDoc``: what a role expects of a skill, in one of three states (expected, mentioned,
  or ``NotStatedDoc``: "the sources do not say"), with its basis, inheritance and quotes.
"""

from mlcareer.jsondoc.types.assess import *  # noqa: F403
from mlcareer.jsondoc.types.results import *  # noqa: F403
from mlcareer.jsondoc.types.shared import *  # noqa: F403

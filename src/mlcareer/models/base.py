"""The base of every data model, and the constrained types their fields use.

The model modules do without ``from __future__ import annotations``: with it, pydantic evaluates
every field's annotation from its text when the class is made (about a fifth of their import).
"""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from mlcareer.choices import Level
from mlcareer.text import clean

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
# Every text from a data file: control characters become visible escapes at the edge,
# so no renderer can pass an ESC or a bidi override to a terminal, a file or a browser.
Text = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(clean)]
Proficiency = Annotated[int, Field(ge=0, le=4)]
PartialDate = Annotated[str, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
# Pay in any currency and period: bounded, so no figure can overflow a float in a chart.
Money = Annotated[int, Field(ge=0, le=10**9)]


LevelField = Annotated[Level, Field(strict=False)]


class _Model(BaseModel):
    # defer_build: a schema is built on first validation, not at import; a run that reads
    # the cache builds none (it holds plain records: mlcareer.records).
    # An empty list default is `Field(default_factory=list)`, not `= []`: pydantic copies a
    # mutable default with copy.deepcopy each time it is used (a 1,000-role pack: 11,000 times).
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)

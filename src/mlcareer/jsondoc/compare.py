"""A comparison of two roles (`mlcareer compare`) as JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.domain.careers import Comparison
from mlcareer.jsondoc.common import role_name
from mlcareer.jsondoc.expect import stated_or_not
from mlcareer.jsondoc.role import role_json

if TYPE_CHECKING:
    from mlcareer.jsondoc.types import CompareDoc


def comparison_json(cmp: Comparison) -> CompareDoc:
    return {
        "left": role_json(cmp.left),
        "right": role_json(cmp.right),
        "contrasts": [
            {"role": role_name(other), "text": c.text, "quote": c.quote, "source": c.source}
            for c, other in cmp.contrasts
        ],
        "skills": [
            {
                "skill": row.skill.id,
                "name": row.skill.name,
                "left": stated_or_not(row.left),
                "right": stated_or_not(row.right),
            }
            for row in cmp.skills
        ],
    }

"""A comparison of two roles (`mlcareer compare`) as JSON."""

from __future__ import annotations

from typing import Any

from mlcareer.careers import Comparison
from mlcareer.expectations import Expectation
from mlcareer.jsondoc.expect import expectation_json
from mlcareer.jsondoc.role import role_json


def comparison_json(cmp: Comparison) -> dict[str, Any]:
    def need(n: Expectation | None) -> dict[str, Any]:
        return {"state": "not stated"} if n is None else expectation_json(n)

    return {
        "left": role_json(cmp.left),
        "right": role_json(cmp.right),
        "contrasts": [
            {"role": other.id, "text": c.text, "quote": c.quote, "source": c.source}
            for c, other in cmp.contrasts
        ],
        "skills": [
            {
                "skill": row.skill.id,
                "name": row.skill.name,
                "left": need(row.left),
                "right": need(row.right),
            }
            for row in cmp.skills
        ],
    }

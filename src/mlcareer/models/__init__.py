"""The data model: every data file is validated into these frozen pydantic models.

By subject: the constrained types and the base model (base), the catalogue's content
(content), pay (pay), the quiz and the pack's rules (rules), and the whole catalog (catalog).
Every name is importable from here, as before the split: `from mlcareer.models import Role`.
"""

from mlcareer.choices import LEVEL_ALIASES  # re-exported; defined with the enum
from mlcareer.models.base import Id, LevelField, Money, PartialDate, Proficiency, Text
from mlcareer.models.catalog import Catalog, field_names, fields_at, layout
from mlcareer.models.content import (
    Contrast,
    Credential,
    LevelInfo,
    Quoted,
    Responsibility,
    ResponsibilityGroup,
    Role,
    ScaleStep,
    Skill,
    Source,
    Statement,
)
from mlcareer.models.pay import (
    Beside,
    Count,
    OfficialChange,
    OfficialCount,
    OfficialEducation,
    OfficialGrowth,
    OfficialOccupation,
    OfficialOpenings,
    OfficialPay,
    ProjectionPeriod,
    Salaries,
    SalaryFigure,
    SalaryNote,
    Wage,
    period_years,
)
from mlcareer.models.rules import (
    BuildsOn,
    DefaultGrade,
    ExpectationRules,
    PlanRules,
    Profession,
    Question,
    QuizData,
    WordingRule,
)
from mlcareer.records import Lookups

__all__ = [
    "LEVEL_ALIASES",
    "Beside",
    "BuildsOn",
    "Catalog",
    "Contrast",
    "Count",
    "Credential",
    "DefaultGrade",
    "ExpectationRules",
    "Id",
    "LevelField",
    "LevelInfo",
    "Lookups",
    "Money",
    "OfficialChange",
    "OfficialCount",
    "OfficialEducation",
    "OfficialGrowth",
    "OfficialOccupation",
    "OfficialOpenings",
    "OfficialPay",
    "PartialDate",
    "PlanRules",
    "Profession",
    "Proficiency",
    "ProjectionPeriod",
    "Question",
    "QuizData",
    "Quoted",
    "Responsibility",
    "ResponsibilityGroup",
    "Role",
    "Salaries",
    "SalaryFigure",
    "SalaryNote",
    "ScaleStep",
    "Skill",
    "Source",
    "Statement",
    "Text",
    "Wage",
    "WordingRule",
    "field_names",
    "fields_at",
    "layout",
    "period_years",
]

"""The models of the quiz and of the rules the pack chooses: expectation wording, plan order."""

from typing import Literal, Self

from pydantic import Field, model_validator

from mlcareer.models.base import Id, LevelField, Proficiency, Text, _Model
from mlcareer.models.content import ScaleStep, Statement


class Question(_Model):
    """One quiz question: a skill rated on five steps, or an interest in a kind of ML engineer."""

    id: Id
    kind: Literal["skill", "interest"]
    text: Text
    skill: Id | None = None
    steps: list[Text] = Field(default_factory=list)
    roles: list[Id] = Field(default_factory=list)
    quick: bool = False
    sources: list[Id] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.kind == "skill":
            if self.skill is None:
                raise ValueError("a skill question needs 'skill'")
            if len(self.steps) != 5:
                raise ValueError(f"a skill question needs 5 'steps' (0-4), found {len(self.steps)}")
            if self.roles:
                raise ValueError("a skill question has no 'roles'; interest questions point at roles")
        else:
            if not self.roles:
                raise ValueError("an interest question needs 'roles'")
            if not self.sources:
                raise ValueError("an interest question needs 'sources'")
            if self.skill is not None or self.steps:
                raise ValueError("an interest question has no 'skill' or 'steps'; it uses interest_scale")
        return self


class QuizData(_Model):
    """The contents of quiz.yaml."""

    interest_scale: list[ScaleStep] = Field(default_factory=list)
    questions: list[Question] = Field(min_length=1)


class WordingRule(_Model):
    """One entry of the wording map: a phrase of the sources and the grade it reads as."""

    phrase: Text
    grade: Proficiency


class DefaultGrade(_Model):
    """The data pack's own grade for a skill that a role's sources name without grading it."""

    grade: Proficiency
    reason: Text


class Ceiling(_Model):
    """A level's characteristic grade, and the sentence of the sources that characterises the level."""

    level: LevelField
    grade: Proficiency
    quote: Text
    source: Id


class Ceilings(_Model):
    """The level ceiling (mlcareer's own reading): a statement broader than a role grades it at most
    at its level's characteristic grade; only the role's own description lifts a grade above it."""

    reason: Text
    levels: list[Ceiling] = Field(min_length=1)


class SpecialityRule(_Model):
    """mlcareer's reading of how well a kind of ML engineer is expected to know its own speciality."""

    grade: Proficiency
    quote: Text
    source: Id
    reason: Text


class ReadinessRule(_Model):
    """The data pack's own choice: how many graded expectations a readiness percentage needs."""

    minimum_graded: int = Field(ge=1)
    reason: Text


class Profession(_Model):
    """What the sources say of machine learning engineers in general, with no level."""

    applies_from: LevelField
    statements: list[Statement] = Field(default_factory=list)


class ExpectationRules(_Model):
    """The contents of expectations.yaml: how statements become expected proficiencies."""

    wording: list[WordingRule] = Field(default_factory=list)
    default_grade: DefaultGrade | None = None
    family: list[Id] = Field(default_factory=list)
    profession: Profession | None = None
    ceilings: Ceilings | None = None
    speciality: SpecialityRule | None = None
    readiness: ReadinessRule | None = None


class BuildsOn(_Model):
    """The data pack's suggestion: ``skill`` is best learnt after the skills ``on``."""

    skill: Id
    on: list[Id] = Field(min_length=1)


class PlanRules(_Model):
    """The contents of plan.yaml: the order `mlcareer plan` suggests (the pack's own choice)."""

    builds_on: list[BuildsOn] = Field(default_factory=list)

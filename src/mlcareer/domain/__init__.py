"""Pure domain queries and scoring over a Catalog: roles, skills, the ladder, pay, the quiz, plans, groups."""

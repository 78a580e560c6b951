"""The question bank: good default questions for informational interviews (TIARA + names)."""

from __future__ import annotations

from warmline.meetings.models import Question

C = Question.Category
DEFAULT_QUESTIONS: list[tuple[str, str]] = [
    (C.TRENDS, "What trends are changing your field right now?"),
    (C.TRENDS, "Where do you see this kind of work going in the next few years?"),
    (C.INSIGHTS, "What surprised you most when you started in this role?"),
    (C.INSIGHTS, "What does a typical week look like for you?"),
    (C.INSIGHTS, "What separates the people who do well here from the rest?"),
    (C.ADVICE, "If you were in my shoes, what would you do next?"),
    (C.ADVICE, "How would you describe my background to someone in your field?"),
    (C.ADVICE, "What would you change on my resume?"),
    (C.RESOURCES, "Which groups, events or publications should I follow?"),
    (C.RESOURCES, "What skills or tools should I learn first?"),
    (
        C.ASSIGNMENTS,
        "What small project could I do to test whether this work suits me?",
    ),
    (C.NAMES, "Who else should I talk to, and may I say you sent me?"),
    (
        C.NAMES,
        "Is there anyone at an organization I'm interested in you could introduce me to?",
    ),
]

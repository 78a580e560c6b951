"""The hand-built week of insights' tests, for the coach's pages to agree with."""

from warmline.insights.tests.test_numbers import (  # noqa: F401 (fixtures)
    in_los_angeles,
    week_of_activity,
)

"""Named queries behind the enablement reads."""

from __future__ import annotations

from graph_api.cypher import named

COURSE_BY_IDS = named("queries/course_by_ids")
COURSE_PAGE = named("queries/course_page")
REQUIREMENT_BY_IDS = named("queries/requirement_by_ids")
REQUIREMENT_PAGE = named("queries/requirement_page")
COMPLETION_PAGE = named("queries/completion_page")
CERTIFICATION_PAGE = named("queries/certification_page")
ENABLEMENT_STATUS = named("queries/enablement_status")

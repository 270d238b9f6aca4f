from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry

from graph_api.leads import statements as q
from graph_api.leads.types import Lead
from graph_api.pagination import Connection
from graph_api.reading import After, Direction, First, GqlInfo, SortDirection, load_one, top_page
from graph_api.selection import list_selection
from graph_api.values import enum_value
from graph_api.vocabulary import LeadStatus


@strawberry.enum(description="Fields leads can be sorted on; ties break on id.")
class LeadSort(Enum):
    NAME = strawberry.enum_value("name", description="By name.")
    CREATED_DATE = strawberry.enum_value("createdDate", description="By the date the lead came in.")
    STATUS = strawberry.enum_value("status", description="By status.")


@strawberry.type
class LeadQuery:
    @strawberry.field(description="One lead by id, or null when it does not exist or is hidden.")
    async def lead(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The lead's id.")],
    ) -> Lead | None:
        row = await load_one(info.context, q.LEAD_BY_IDS, id)
        return Lead.from_record(row) if row else None

    @strawberry.field(
        description="Leads referred by partnerships you may see, filtered and sorted."
    )
    async def leads(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        status: Annotated[
            LeadStatus | None, strawberry.argument(description="Only leads in this state.")
        ] = None,
        partner_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only leads referred by this partner's partnerships."),
        ] = None,
        sort: Annotated[LeadSort, strawberry.argument(description="Field to sort on.")] = (
            LeadSort.NAME
        ),
        direction: Direction = SortDirection.ASC,
    ) -> Connection[Lead]:
        return await top_page(
            info.context,
            q.lead_page_query(info.context.scope, partner_id),
            first,
            after,
            Lead.from_record,
            list_selection(info),
            status=enum_value(status),
            partnerId=partner_id,
            sort=sort.value,
            desc=direction is SortDirection.DESC,
        )

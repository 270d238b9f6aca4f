from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry

from graph_api.pagination import Connection
from graph_api.partnerships import statements as q
from graph_api.partnerships.types import Partnership
from graph_api.reading import After, Direction, First, GqlInfo, SortDirection, load_one, top_page
from graph_api.selection import list_selection
from graph_api.values import enum_value
from graph_api.vocabulary import PartnershipStatus


@strawberry.enum(description="Fields partnerships can be sorted on; ties break on id.")
class PartnershipSort(Enum):
    START_DATE = strawberry.enum_value("startDate", description="By first day of the membership.")
    CREATED_AT = strawberry.enum_value("createdAt", description="By when the record was created.")
    STATUS = strawberry.enum_value("status", description="By status.")


@strawberry.type
class PartnershipQuery:
    @strawberry.field(
        description="One partnership by id, or null when it does not exist or is out of scope."
    )
    async def partnership(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The partnership's id.")],
    ) -> Partnership | None:
        row = await load_one(info.context, q.PARTNERSHIP_BY_IDS, id)
        return Partnership.from_record(row) if row else None

    @strawberry.field(description="Partnerships you may see, filtered and sorted.")
    async def partnerships(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        status: Annotated[
            PartnershipStatus | None, strawberry.argument(description="Only this status.")
        ] = None,
        program_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this program's members.")
        ] = None,
        partner_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this partner's.")
        ] = None,
        sort: Annotated[
            PartnershipSort, strawberry.argument(description="Field to sort on.")
        ] = PartnershipSort.START_DATE,
        direction: Direction = SortDirection.ASC,
    ) -> Connection[Partnership]:
        return await top_page(
            info.context,
            q.partnership_page_query(info.context.scope, partner_id),
            first,
            after,
            Partnership.from_record,
            list_selection(info),
            status=enum_value(status),
            programId=program_id,
            partnerId=partner_id,
            sort=sort.value,
            desc=direction is SortDirection.DESC,
        )

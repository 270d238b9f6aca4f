from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry

from graph_api.pagination import Connection
from graph_api.programs import statements as q
from graph_api.programs.types import Program
from graph_api.reading import After, Direction, First, GqlInfo, SortDirection, load_one, top_page
from graph_api.selection import list_selection
from graph_api.values import enum_value
from graph_api.vocabulary import CommissionType, ProgramKind


@strawberry.enum(description="Fields programs can be sorted on; ties break on id.")
class ProgramSort(Enum):
    NAME = strawberry.enum_value("name", description="By name.")
    CREATED_AT = strawberry.enum_value("createdAt", description="By when the record was created.")


@strawberry.type
class ProgramQuery:
    @strawberry.field(
        description="One program by id, or null when it does not exist or is out of scope."
    )
    async def program(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The program's id.")],
    ) -> Program | None:
        row = await load_one(info.context, q.PROGRAM_BY_IDS, id)
        return Program.from_record(row) if row else None

    @strawberry.field(
        description="Partner programs (a partner sees those it is in), filtered and sorted."
    )
    async def programs(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        kind: Annotated[
            ProgramKind | None, strawberry.argument(description="Only programs of this kind.")
        ] = None,
        commission_type: Annotated[
            CommissionType | None,
            strawberry.argument(description="Only programs paying this way."),
        ] = None,
        name_contains: Annotated[
            str | None,
            strawberry.argument(description="Only names containing this text (any case)."),
        ] = None,
        sort: Annotated[
            ProgramSort, strawberry.argument(description="Field to sort on.")
        ] = ProgramSort.NAME,
        direction: Direction = SortDirection.ASC,
    ) -> Connection[Program]:
        return await top_page(
            info.context,
            q.program_page_query(info.context.scope),
            first,
            after,
            Program.from_record,
            list_selection(info),
            kind=enum_value(kind),
            commissionType=enum_value(commission_type),
            nameContains=name_contains,
            sort=sort.value,
            desc=direction is SortDirection.DESC,
        )

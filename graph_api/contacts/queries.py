from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry

from graph_api.contacts import statements as q
from graph_api.contacts.types import Contact
from graph_api.pagination import Connection
from graph_api.reading import After, Direction, First, GqlInfo, SortDirection, load_one, top_page
from graph_api.selection import list_selection


@strawberry.enum(description="Fields contacts can be sorted on; ties break on id.")
class ContactSort(Enum):
    NAME = strawberry.enum_value("name", description="By name.")
    EMAIL = strawberry.enum_value("email", description="By email address.")
    CREATED_AT = strawberry.enum_value("createdAt", description="By when the record was created.")


@strawberry.type
class ContactQuery:
    @strawberry.field(
        description="One contact by id, or null when it does not exist or is out of scope."
    )
    async def contact(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The contact's id.")],
    ) -> Contact | None:
        row = await load_one(info.context, q.CONTACT_BY_IDS, id)
        return Contact.from_record(row) if row else None

    @strawberry.field(description="Contacts at customers you may see, filtered and sorted.")
    async def contacts(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        customer_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this customer's people.")
        ] = None,
        name_contains: Annotated[
            str | None,
            strawberry.argument(description="Only names containing this text (any case)."),
        ] = None,
        sort: Annotated[
            ContactSort, strawberry.argument(description="Field to sort on.")
        ] = ContactSort.NAME,
        direction: Direction = SortDirection.ASC,
    ) -> Connection[Contact]:
        return await top_page(
            info.context,
            q.contact_page_query(info.context.scope),
            first,
            after,
            Contact.from_record,
            list_selection(info),
            customerId=customer_id,
            nameContains=name_contains,
            sort=sort.value,
            desc=direction is SortDirection.DESC,
        )

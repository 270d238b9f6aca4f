"""Typed errors.

Queries raise :class:`ClientError` subclasses, which reach the client as
GraphQL errors with ``extensions.code`` (and never as a 500). Mutations return
the Strawberry error types below as members of their result union.
"""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError


class ClientError(GraphQLError):
    """A mistake in the request: reported to the client, never masked."""

    code = "BAD_USER_INPUT"

    def __init__(self, message: str, **extensions: Any) -> None:
        super().__init__(message, extensions={"code": self.code, **extensions})


class InvalidArgument(ClientError):
    code = "BAD_USER_INPUT"


class LimitExceeded(ClientError):
    """A request exceeds a configured limit; ``extensions.limit`` names it."""

    code = "LIMIT_EXCEEDED"

    def __init__(self, limit: str, message: str, **extensions: Any) -> None:
        super().__init__(message, limit=limit, **extensions)


class Forbidden(ClientError):
    code = "FORBIDDEN"


class Unauthenticated(ClientError):
    code = "UNAUTHENTICATED"


def is_unexpected(error: GraphQLError) -> bool:
    """An error the caller did not cause: masked for the client, logged in full."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return False  # parse/validation errors and our typed ClientErrors
    # Variable coercion (a bad Date, an out-of-range Int) is the caller's mistake.
    return not (error.path is None and isinstance(original, ValueError | TypeError))


class StoreUnavailable(GraphQLError):
    """The graph store did not answer in time or cannot be reached; not the caller's
    mistake, but worth telling it (and retrying later) rather than masking.
    ``extensions.reason`` is ``timeout`` or ``unreachable``."""

    code = "STORE_UNAVAILABLE"

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message, extensions={"code": self.code, "reason": reason})


MAX_PAGE_SIZE = 100


def check_page_size(first: int, limit: int = MAX_PAGE_SIZE) -> None:
    if first < 0:
        raise InvalidArgument("`first` must not be negative", argument="first")
    if first > limit:
        raise LimitExceeded(
            "page_size", f"`first` is {first}; the largest page is {limit}", maximum=limit
        )


@strawberry.type(description="One invalid input field and why it was rejected.")
class FieldError:
    path: list[str] = strawberry.field(description="Path of the field inside the input object.")
    reason: str = strawberry.field(description="Why the value was rejected.")


@strawberry.type(description="The input was invalid; nothing was changed.")
class ValidationError:
    message: str = strawberry.field(description="Summary of what was wrong.")
    fields: list[FieldError] = strawberry.field(description="Each invalid field with its reason.")


@strawberry.type(
    description="An id in the input names nothing the caller can see; nothing changed."
)
class NotFoundError:
    message: str = strawberry.field(description="Which reference was not found.")
    id: str = strawberry.field(description="The id that was not found.")
    entity_type: str = strawberry.field(description="The kind of entity that was looked up.")


@strawberry.type(description="The write conflicts with the current graph; nothing changed.")
class ConflictError:
    message: str = strawberry.field(description="What conflicts and how to resolve it.")


class InputInvalid(Exception):
    """Raised inside validation/write code; turned into a ValidationError result."""

    def __init__(self, errors: list[tuple[list[str], str]]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{'.'.join(p)}: {r}" for p, r in errors))

    def as_result(self) -> ValidationError:
        return ValidationError(
            message="invalid input: " + str(self),
            fields=[FieldError(path=p, reason=r) for p, r in self.errors],
        )


class EntityNotFound(Exception):
    def __init__(self, entity_type: str, entity_id: str) -> None:
        self.entity_type = entity_type
        self.entity_id = entity_id
        super().__init__(f"{entity_type} {entity_id!r} not found")

    def as_result(self) -> NotFoundError:
        return NotFoundError(message=str(self), id=self.entity_id, entity_type=self.entity_type)


class Conflict(Exception):
    def as_result(self) -> ConflictError:
        return ConflictError(message=str(self))

"""graph_api/schema.py's document cache without a store: parsed documents by text and
validation results by printed document, both bounded LRU."""

from __future__ import annotations

from graphql import GraphQLError, parse, print_ast

from graph_api.schema import CACHED_QUERY_CHARS, DocumentCache

OPTIONS = {"max_tokens": 5000}
RULES = ("rule-a", "rule-b")


def test_keys_name_the_text_and_the_parse_options() -> None:
    key = DocumentCache.key("{ partners { totalCount } }", {"b": 2, "a": 1})
    assert key == ("{ partners { totalCount } }", (("a", 1), ("b", 2)))
    # Other parse options (another token cap) must not find this entry.
    assert key != DocumentCache.key("{ partners { totalCount } }", {"a": 1, "b": 3})


def test_empty_and_long_texts_are_never_kept() -> None:
    assert DocumentCache.key(None, OPTIONS) is None
    assert DocumentCache.key("", OPTIONS) is None
    longest = "{ a }" + " " * (CACHED_QUERY_CHARS - 5)
    assert DocumentCache.key(longest, OPTIONS) is not None
    assert DocumentCache.key(longest + " ", OPTIONS) is None


def test_the_least_recently_used_document_goes_first() -> None:
    cache = DocumentCache(maxsize=2)
    keys = [DocumentCache.key(f"{{ f{n} }}", OPTIONS) for n in range(3)]
    assert all(key is not None for key in keys)
    a, b, c = (key for key in keys if key is not None)
    doc_a = cache.put(a, parse("{ f0 }")).document
    cache.put(b, parse("{ f1 }"))
    hit = cache.get(a)  # a is now the most recently used
    assert hit is not None and hit.document is doc_a
    cache.put(c, parse("{ f2 }"))
    assert cache.get(b) is None
    assert cache.get(a) is not None and cache.get(c) is not None
    assert len(cache.entries) == 2


def test_a_clean_validation_holds_for_any_text_of_the_same_document() -> None:
    cache = DocumentCache()
    normal = print_ast(parse("{ partners { totalCount } }"))
    assert cache.validation(normal, RULES, "{ partners { totalCount } }") is None
    cache.validated_as(normal, RULES, "{ partners { totalCount } }", [])
    # A comment or other whitespace is the same document: no second validation.
    assert cache.validation(normal, RULES, "# hi\n{partners{totalCount}}") == []


def test_errors_are_reused_only_for_the_very_text_they_point_into() -> None:
    cache = DocumentCache()
    text = "{ nope }"
    normal = print_ast(parse(text))
    errors = [GraphQLError("Cannot query field 'nope'")]
    cache.validated_as(normal, RULES, text, errors)
    assert cache.validation(normal, RULES, text) == errors
    # Another layout of it must be validated again: the error locations would be wrong.
    assert cache.validation(normal, RULES, "{\n  nope\n}") is None


def test_results_under_other_rules_are_not_reused() -> None:
    cache = DocumentCache()
    normal = print_ast(parse("{ a }"))
    cache.validated_as(normal, RULES, "{ a }", [])
    assert cache.validation(normal, ("rule-a",), "{ a }") is None


def test_validation_results_are_bounded_and_long_documents_skipped() -> None:
    cache = DocumentCache(maxsize=2)
    normals = [print_ast(parse(f"{{ f{n} }}")) for n in range(3)]
    for normal in normals:
        cache.validated_as(normal, RULES, normal, [])
    assert cache.validation(normals[0], RULES, normals[0]) is None
    assert cache.validation(normals[2], RULES, normals[2]) == []
    long_normal = "{ a }" + " " * CACHED_QUERY_CHARS
    cache.validated_as(long_normal, RULES, long_normal, [])
    assert long_normal not in cache.validated

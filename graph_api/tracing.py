"""Optional OpenTelemetry tracing: the ``tracing`` extra, off unless GRAPH_API_TRACING says.

``otlp`` sends spans over OTLP/HTTP to where the standard ``OTEL_EXPORTER_OTLP_*``
variables point (a collector, Jaeger, Tempo …); ``console`` prints them on stdout,
for a first look. Spans come from Starlette's instrumentation (one per HTTP request
and WebSocket) and Strawberry's extension (parse, validate, each resolver).
Argument values are never recorded: ids and filters are partner data.
"""

from __future__ import annotations

import functools
from collections.abc import Generator
from typing import Any

from starlette.applications import Starlette

from graph_api.config import ConfigError, Settings

MODES = ("off", "otlp", "console")
SERVICE_NAME = "graph-api"  # OTEL_SERVICE_NAME, when set, wins


def provider_for(settings: Settings) -> Any | None:
    """The tracer provider the settings ask for; None when tracing is off."""
    if settings.tracing == "off":
        return None
    try:
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import SpanProcessor, TracerProvider
        from opentelemetry.sdk.trace.export import (
            BatchSpanProcessor,
            ConsoleSpanExporter,
            SimpleSpanProcessor,
        )
    except ImportError as exc:
        raise ConfigError(
            f"GRAPH_API_TRACING={settings.tracing} needs the tracing extra: "
            "pip install 'graph-api[tracing]'"
        ) from exc
    processor: SpanProcessor
    if settings.tracing == "console":
        processor = SimpleSpanProcessor(ConsoleSpanExporter())
    else:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        processor = BatchSpanProcessor(OTLPSpanExporter())
    provider = TracerProvider(resource=Resource.create({"service.name": SERVICE_NAME}))
    provider.add_span_processor(processor)
    return provider


def schema_extensions(provider: Any | None) -> list[Any]:
    if provider is None:
        return []
    from strawberry.extensions.tracing import OpenTelemetryExtension

    class Traced(OpenTelemetryExtension):
        def on_operation(self) -> Generator[None, None, None]:
            # Strawberry records the whole query text on the operation's span, and
            # its literals are partner data: hide it while the span starts.
            query = self.execution_context.query
            self.execution_context.query = None
            steps = super().on_operation()
            next(steps)
            self.execution_context.query = query
            yield
            next(steps, None)

    return [functools.partial(Traced, arg_filter=_no_arguments, tracer_provider=provider)]


def instrument(app: Starlette, provider: Any | None) -> None:
    if provider is not None:
        from opentelemetry.instrumentation.starlette import StarletteInstrumentor

        StarletteInstrumentor.instrument_app(app, tracer_provider=provider)


def _no_arguments(arguments: dict[str, Any], info: Any) -> dict[str, Any]:
    return {}

# The API for docker-compose.yml: it talks to Neo4j at NEO4J_URI, so the
# embedded store (and the JRE inside its wheel) is installed but never started.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
RUN useradd --create-home --uid 10001 graph
COPY pyproject.toml README.md constraints.txt ./
COPY graph_api ./graph_api
COPY cypher ./cypher
COPY seed ./seed
# Editable, so that graph_api finds cypher/ and seed/ next to it, as in a checkout.
RUN pip install -c constraints.txt -e .

USER graph
EXPOSE 8000
# serve migrates the graph at NEO4J_URI, then serves; SIGTERM stops it cleanly.
CMD ["graph-api", "serve", "--host", "0.0.0.0", "--port", "8000"]

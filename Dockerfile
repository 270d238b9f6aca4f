# The API for docker-compose.yml: it talks to Neo4j at NEO4J_URI. Installed as a
# wheel (not editable), without the embedded store: the package carries its
# cypher/, seed/ and schema/ files, so no source tree stays in the image.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 graph
WORKDIR /src
COPY pyproject.toml setup.py MANIFEST.in README.md constraints.txt ./
COPY graph_api ./graph_api
COPY cypher ./cypher
COPY seed ./seed
COPY schema ./schema
RUN pip install -c constraints.txt . && cd / && rm -rf /src

WORKDIR /home/graph
USER graph
EXPOSE 8000
# serve migrates the graph at NEO4J_URI, then serves; SIGTERM stops it cleanly.
CMD ["graph-api", "serve", "--host", "0.0.0.0", "--port", "8000"]

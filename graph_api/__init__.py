"""GraphQL backend that keeps a partner ecosystem in one graph database."""

__version__ = "0.1.0"

"""Partners: the companies in the ecosystem."""

"""Named queries behind the channel reads."""

from __future__ import annotations

from graph_api.cypher import named

PRODUCT_BY_IDS = named("queries/product_by_ids")
PRODUCT_PAGE = named("queries/product_page")
ORDER_BY_IDS = named("queries/order_by_ids")
ORDER_PAGE = named("queries/order_page")
STOCK_LEVEL_PAGE = named("queries/stock_level_page")
WARRANTY_CLAIM_BY_IDS = named("queries/warranty_claim_by_ids")
WARRANTY_CLAIM_PAGE = named("queries/warranty_claim_page")
CHANNEL_FIGURES = named("queries/channel_figures")

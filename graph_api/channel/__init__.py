"""The manufacturer's channel: products, partners' component orders, their stock and
the warranty claims filed through them."""
